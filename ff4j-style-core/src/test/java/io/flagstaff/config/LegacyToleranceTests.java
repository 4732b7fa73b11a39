package io.flagstaff.config;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy reader accepts what the legacy system accepts and answers as it would; what
 * looks like a mistake is a warning with its legacy path, and never costs the other
 * flags.
 */
class LegacyToleranceTests {

	private static final FeatureContext EMPTY = FeatureContext.empty();

	private static FeatureContext user(String id, String region, String accountType) {
		return FeatureContext.builder()
			.userId(id)
			.attribute("region", region)
			.attribute("accountType", accountType)
			.attribute("betaProgram", true)
			.build();
	}

	private static ParsedDocument read(String json) {
		return FeatureDocuments.read(json, "features_config.json", LegacyOptions.DEFAULTS);
	}

	private static Flagstaff flagstaff(FeatureSet set) {
		return Flagstaff.builder(new InMemoryFeatureStore(set)).environment("production").build();
	}

	@ParameterizedTest
	@MethodSource("emptyLists")
	void anEmptyListMatchesOnlyAnEmptyContextAndKeepsTheOtherFlags(String field) {
		ParsedDocument document = read("{\"f\": {\"active\": true, \"" + field + "\": []}, \"g\": {\"active\": true}}");
		assertThat(document.warnings()).isEmpty();
		try (Flagstaff flagstaff = flagstaff(document.features())) {
			assertThat(flagstaff.isEnabled("f", EMPTY)).isTrue();
			assertThat(flagstaff.isEnabled("f", user("1", "US", "premium"))).isFalse();
			assertThat(flagstaff.isEnabled("f", FeatureContext.ofUser("1"))).isFalse();
			assertThat(flagstaff.isEnabled("g", user("1", "US", "premium"))).isTrue();
		}
	}

	static Stream<String> emptyLists() {
		return Stream.of("regions", "account_types");
	}

	static Stream<Arguments> tolerated() {
		return Stream.of(Arguments.of("{\"f\": {\"active\": true, \"percentage_rolout\": 5}}",
				"f.percentage_rolout: unknown key 'percentage_rolout', ignored as the legacy system ignores it; "
						+ "did you mean 'percentage_rollout'?",
				true),
				Arguments.of("{\"f\": {\"active\": true, \"users\": [\"7\", null], \"regions\": [\"DE\"]}}",
						"f.users[1]: is empty (null), which no context value equals; ignored", true),
				Arguments.of("{\"f\": {\"active\": true, \"regions\": [\"US\", {\"x\": 1}]}}",
						"f.regions[1]: is a mapping, which no context value equals; ignored", true),
				Arguments.of("{\"f\": {\"active\": true, \"metadata\": \"owned by ops\"}}",
						"f.metadata: is 'owned by ops', not a mapping of names to values; ignored (the legacy system "
								+ "never reads it)",
						true),
				Arguments.of(
						"{\"f\": {\"active\": true, \"metadata\": {\"deep\": " + "[".repeat(33) + "]".repeat(33)
								+ "}}}",
						"f.metadata.deep: nests lists and mappings more than 32 deep; flatten the value; ignored (the "
								+ "legacy system never reads metadata)",
						true),
				Arguments.of("{\"f\": {\"active\": true, \"error_threshold\": -1}}",
						"f.error_threshold: is below 0, so the flag is off before any call, as in the legacy system",
						false),
				Arguments.of("{\"f\": {\"active\": true, \"performance_threshold\": -0.5}}",
						"f.performance_threshold: is below 0, so the flag is off before any call, as in the legacy "
								+ "system",
						false),
				Arguments.of("{\"f\": {\"active\": true, \"depends_on\": [null]}}",
						"f.depends_on[0]: is empty (null), not the name of a flag: the flag is off, as in the legacy "
								+ "system",
						false));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("tolerated")
	void readsWhatTheLegacySystemReadsWithAWarningAtTheLegacyPath(String json, String warning, boolean on) {
		ParsedDocument document = read("{\"other\": {\"active\": true}, " + json.substring(1));
		assertThat(document.warnings()).map(ConfigProblem::toString).containsExactly(warning);
		try (Flagstaff flagstaff = flagstaff(document.features())) {
			assertThat(flagstaff.isEnabled("f", user("7", "US", "premium"))).isEqualTo(on);
			assertThat(flagstaff.isEnabled("other", user("7", "US", "premium"))).isTrue();
		}
		assertThat(FeatureDocuments.parseLegacy(json, "features_config.json"))
			.as("parse logs the warnings and returns the same flags")
			.isEqualTo(read(json).features());
	}

	static Stream<Arguments> baselines() {
		return Stream.of(Arguments.of("1e300", null, "is 1E+300 seconds, longer than any call"),
				Arguments.of("10000000000", null, "is 10000000000 seconds, longer than any call"),
				Arguments.of("1e-400", Duration.ofNanos(1), "is 1E-400 seconds: every call counts as slow"),
				Arguments.of("0", Duration.ofNanos(1), "is 0 seconds: every call counts as slow"),
				Arguments.of("-3", Duration.ofNanos(1), "is -3 seconds: every call counts as slow"),
				Arguments.of("0.25", Duration.ofMillis(250), null),
				Arguments.of("31536000", Duration.ofDays(365), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("baselines")
	void aPerformanceBaselineOfAnySizeMeansWhatItMeantToTheLegacySystem(String seconds, Duration baseline,
			String warning) {
		ParsedDocument document = read(
				"{\"f\": {\"active\": true, \"performance_baseline\": " + seconds + ", \"performance_threshold\": 3}}");
		HealthPolicy health = document.features().features().get("f").health();
		assertThat((health != null) ? health.latencyBaseline() : null).isEqualTo(baseline);
		assertThat((health != null) ? health.maxSlowCalls() : null).isEqualTo((baseline != null) ? 4 : null);
		if (warning == null) {
			assertThat(document.warnings()).isEmpty();
		}
		else {
			assertThat(document.warnings()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.toString()).startsWith("f.performance_baseline: " + warning));
		}
	}

	@Test
	void numbersCompareAsPythonComparesThem() {
		FeatureSet set = read("{\"f\": {\"active\": true, \"percentage_rollout\": true, \"error_threshold\": 1e1000}, "
				+ "\"g\": {\"active\": true, \"percentage_rollout\": -1e300}}")
			.features();
		assertThat(set.features().get("f").rules().get(1).rollout()).isEqualTo(1.0);
		assertThat(set.features().get("f").health().maxErrors()).isEqualTo(Integer.MAX_VALUE);
		assertThat(set.features().get("g").rules().get(1).rollout()).isEqualTo(0.0);
	}

	@Test
	void aProblemInOneFlagNamesItsLegacyPathAndTheDocumentIsNotRead() {
		assertThat(org.assertj.core.api.Assertions
			.catchThrowableOfType(FeatureConfigException.class,
					() -> read("{\"f\": {\"active\": true, \"regions\": [\"US\"]}, \"g\": {\"active\": true, "
							+ "\"depends_on\": [\"h\"]}, \"h\": {\"active\": true, \"depends_on\": [\"g\"]}}"))
			.getProblems()).map(ConfigProblem::toString)
			.containsExactly("g.depends_on: prerequisite cycle g -> h -> g; remove one of these prerequisites");
	}

	@Test
	void warningsAreReadForTheLegacyFormatOnly() {
		assertThat(FeatureDocuments.read("version: 1\nfeatures:\n  f: {}\n", "features.yml", LegacyOptions.DEFAULTS)
			.warnings()).isEmpty();
		assertThat(read("{\"f\": {\"active\": true, \"colour\": \"red\"}}").warnings()).map(ConfigProblem::path)
			.isEqualTo(List.of("f.colour"));
	}

}
