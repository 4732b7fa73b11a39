package io.flagstaff.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LegacyFormatTests {

	private static final String EXAMPLE = "legacy/example-features-config.json";

	private static FeatureSet example() {
		return FeatureDocuments.parseLegacy(Documents.read(EXAMPLE), EXAMPLE);
	}

	private static Flagstaff flagstaff(FeatureSet set) {
		return Flagstaff.builder(new InMemoryFeatureStore(set)).environment("production").build();
	}

	private static FeatureContext exampleUser(String environment) {
		return FeatureContext.builder()
			.userId("123")
			.attribute("region", "US")
			.attribute("accountType", "premium")
			.attribute("betaProgram", true)
			.environment(environment)
			.build();
	}

	@Test
	void theExampleUserGetsBothFeaturesInProduction() {
		try (Flagstaff flagstaff = flagstaff(example())) {
			assertThat(flagstaff.isEnabled("new_ui", exampleUser("production"))).isTrue();
			assertThat(flagstaff.isEnabled("advanced_search", exampleUser("production"))).isTrue();
			assertThat(flagstaff.evaluate("new_ui", exampleUser("production")).reason()).isEqualTo(Reason.ALLOWED);
		}
	}

	@Test
	void convertsTheExampleIntoTheNativeModel() {
		FeatureDefinition newUi = example().features().get("new_ui");
		Condition anyAttribute = new Condition.Attribute("*", Operator.EXISTS, List.of("false"), false, false);
		assertThat(newUi).isEqualTo(FeatureDefinition.builder("new_ui")
			.description("Redesigned user interface")
			.owner("ui-team")
			.schedule(new Schedule(Instant.parse("2022-12-25T00:00:00Z"), null))
			.environments(List.of("dev", "staging", "production"))
			.allow(List.of("123", "456", "789"))
			.rules(List.of(
					new Rule("legacy-empty-context", List.of(anyAttribute), Rule.Serve.ON, null, null, List.of(), false,
							null),
					new Rule("legacy-targeting",
							List.of(new Condition.Attribute("region", Operator.IN, List.of("US", "RO"), false, false),
									new Condition.Attribute("accountType", Operator.IN,
											List.of("premium", "enterprise"), false, false),
									new Condition.Attribute("betaProgram", Operator.IS_TRUE, List.of(), false, false)),
							Rule.Serve.ROLLOUT, null, 90.0, List.of(), false, null)))
			.rollout(0.0)
			.bucketing(new Bucketing(BucketingScheme.LEGACY_SHA256, null, "new_ui"))
			.health(new HealthPolicy(101, Duration.ofDays(1), null, null, Duration.ofSeconds(1), null, null,
					HealthPolicy.Scope.FEATURE))
			.build());
		assertThat(example().features().get("advanced_search").requires())
			.containsExactly(new Prerequisite("new_ui", true, List.of(), "production"));
	}

	static Stream<Arguments> exampleExpectations() {
		return expectations("legacy/example-expectations.csv", EXAMPLE);
	}

	static Stream<Arguments> extendedExpectations() {
		return expectations("legacy/extended-expectations.csv", "legacy/extended-features-config.json");
	}

	/**
	 * Rows computed by an independent re-implementation of the legacy cascade over
	 * generated users, environments and dates (grouped by document, one Flagstaff per
	 * table).
	 */
	private static Stream<Arguments> expectations(String table, String document) {
		return Stream.of(Arguments.of(document,
				Documents.read(table)
					.lines()
					.filter((line) -> !line.startsWith("#"))
					.map((line) -> line.split(",", -1))
					.toList()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "exampleExpectations", "extendedExpectations" })
	void givesTheLegacyAnswersForGeneratedUsersEnvironmentsAndDates(String document, List<String[]> rows) {
		assertThat(rows).hasSizeGreaterThan(1000);
		try (Flagstaff flagstaff = flagstaff(FeatureDocuments.parseLegacy(Documents.read(document), document))) {
			int on = 0;
			for (String[] row : rows) {
				FeatureContext.Builder context = FeatureContext.builder()
					.environment(row[5])
					.currentTime(LocalDateTime.parse(row[6]).toInstant(ZoneOffset.UTC));
				if (!row[1].isEmpty()) {
					context.userId(row[1])
						.attribute("region", row[2])
						.attribute("accountType", row[3])
						.attribute("betaProgram", row[4]);
				}
				boolean expected = Boolean.parseBoolean(row[7]);
				Evaluation evaluation = flagstaff.evaluate(row[0], context.build());
				assertThat(evaluation.enabled()).as("%s -> %s", String.join(",", row), evaluation).isEqualTo(expected);
				on += expected ? 1 : 0;
			}
			assertThat(on).as("the table holds both answers").isBetween(1, rows.size() - 1);
		}
	}

	@Test
	void readsActivationDatesInTheConfiguredZone() {
		String json = "{\"f\": {\"active\": true, \"activation_date\": \"2022-12-25T00:00:00\"}}";
		FeatureSet bucharest = FeatureDocuments.parseLegacy(json, "test",
				LegacyOptions.DEFAULTS.withZone(ZoneId.of("Europe/Bucharest")));
		assertThat(bucharest.features().get("f").schedule().from()).isEqualTo(Instant.parse("2022-12-24T22:00:00Z"));
		FeatureSet offset = FeatureDocuments
			.parseLegacy("{\"f\": {\"active\": true, \"activation_date\": \"2022-12-25T00:00:00+05:00\"}}", "test");
		assertThat(offset.features().get("f").schedule().from()).isEqualTo(Instant.parse("2022-12-24T19:00:00Z"));
	}

	static Stream<Arguments> conversions() {
		return Stream.of(Arguments.of("{\"active\": true}", FeatureDefinition.builder("f").build()),
				Arguments.of("{\"active\": false}", FeatureDefinition.builder("f").enabled(false).build()),
				Arguments.of("{\"regions\": [\"US\"]}", FeatureDefinition.builder("f")
					.enabled(false)
					.build()
					.toBuilder()
					.rules(LegacyFormatTests.targeting(
							List.of(new Condition.Attribute("region", Operator.IN, List.of("US"), false, false)), null))
					.rollout(0.0)
					.bucketing(new Bucketing(BucketingScheme.LEGACY_SHA256, null, "f"))
					.build()),
				Arguments.of("{\"active\": true, \"environments\": []}",
						FeatureDefinition.builder("f").enabled(false).build()),
				Arguments.of("{\"active\": true, \"percentage_rollout\": 33.3}",
						FeatureDefinition.builder("f")
							.rules(targeting(List.of(), 34.0))
							.rollout(0.0)
							.bucketing(new Bucketing(BucketingScheme.LEGACY_SHA256, null, "f"))
							.build()),
				Arguments.of(
						"{\"active\": true, \"error_threshold\": 2.5, \"performance_threshold\": 4, "
								+ "\"performance_baseline\": 0.25}",
						FeatureDefinition.builder("f")
							.health(new HealthPolicy(3, Duration.ofDays(1), null, null, Duration.ofMillis(250), 5, null,
									HealthPolicy.Scope.FEATURE))
							.build()),
				Arguments.of("{\"active\": true, \"performance_threshold\": 4}",
						FeatureDefinition.builder("f").build()),
				Arguments.of("{\"active\": 1, \"metadata\": {\"owner\": \"ops\", \"ticket\": 7}}",
						FeatureDefinition.builder("f")
							.owner("ops")
							.metadata(java.util.Map.of("ticket", FeatureValue.of(new BigDecimal(7))))
							.build()));
	}

	private static List<Rule> targeting(List<Condition> when, Double percentage) {
		Condition anyAttribute = new Condition.Attribute("*", Operator.EXISTS, List.of("false"), false, false);
		return List.of(
				new Rule("legacy-empty-context", List.of(anyAttribute), Rule.Serve.ON, null, null, List.of(), false,
						null),
				new Rule("legacy-targeting", when, (percentage != null) ? Rule.Serve.ROLLOUT : Rule.Serve.ON, null,
						percentage, List.of(), false, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("conversions")
	void convertsEachLegacyField(String flag, FeatureDefinition expected) {
		assertThat(FeatureDocuments.parseLegacy("{\"f\": " + flag + "}", "test").features().get("f"))
			.isEqualTo(expected);
	}

	@Test
	void aFlagDependingOnAMissingFlagIsOff() {
		FeatureSet set = FeatureDocuments.parseLegacy("{\"f\": {\"active\": true, \"depends_on\": [\"ghost\"]}}",
				"test");
		assertThat(set.features().get("f").enabled()).isFalse();
		assertThat(set.features().get("f").requires()).isEmpty();
	}

	@Test
	void aDependencyNeverOnInProductionTurnsTheDependentOffEverywhereAsTheLegacyCodeDid() {
		FeatureSet set = FeatureDocuments.parseLegacy("""
				{"dev_only": {"active": true, "environments": ["dev"]},
				 "needs": {"active": true, "depends_on": ["dev_only"], "environments": ["dev"]},
				 "needs_needs": {"active": true, "depends_on": ["needs"]},
				 "fine": {"active": true, "depends_on": ["any_env"]},
				 "any_env": {"active": true, "environments": ["dev", "production"]}}
				""", "test");
		try (Flagstaff flagstaff = flagstaff(set)) {
			for (String environment : new String[] { "dev", "production", "staging" }) {
				FeatureContext context = FeatureContext.builder().userId("u-1").environment(environment).build();
				assertThat(flagstaff.isEnabled("needs", context)).as(environment).isFalse();
				assertThat(flagstaff.isEnabled("needs_needs", context)).as(environment).isFalse();
			}
			assertThat(flagstaff.evaluate("needs", FeatureContext.builder().environment("dev").build()).reason())
				.isEqualTo(io.flagstaff.Reason.PREREQUISITE);
			assertThat(flagstaff.isEnabled("fine", FeatureContext.builder().environment("dev").build())).isTrue();
			assertThat(flagstaff.isEnabled("dev_only", FeatureContext.builder().environment("dev").build())).isTrue();
		}
	}

	@Test
	void aDependencyIsEvaluatedAsInProductionWhateverTheCallersEnvironmentAsTheLegacyCodeDid() {
		FeatureSet set = FeatureDocuments.parseLegacy("""
				{"prod_only": {"active": true, "environments": ["production"], "regions": ["US"]},
				 "needs_prod_only": {"active": true, "depends_on": ["prod_only"]}}
				""", "test");
		FeatureContext us = FeatureContext.builder()
			.userId("1")
			.attribute("region", "US")
			.environment("staging")
			.build();
		FeatureContext de = us.toBuilder().attribute("region", "DE").build();
		try (Flagstaff flagstaff = flagstaff(set)) {
			assertThat(flagstaff.isEnabled("prod_only", us)).isFalse();
			assertThat(flagstaff.isEnabled("needs_prod_only", us)).isTrue();
			assertThat(flagstaff.evaluate("needs_prod_only", de).reason()).isEqualTo(Reason.PREREQUISITE);
		}
		String yaml = FeatureDocuments.write(set, Syntax.YAML);
		assertThat(yaml).contains("environment: production");
		assertThat(FeatureDocuments.parseNative(yaml, Syntax.YAML, "test")).isEqualTo(set);
	}

	static Stream<Arguments> legacyProblems() {
		return Stream.of(
				Arguments.of("{\"f\": {\"active\": true, \"regions\": \"US\"}}",
						"f.regions: must be a list such as [\"a\", \"b\"], was 'US'"),
				Arguments.of("{\"f\": {\"active\": true, \"users\": null}}",
						"f.users: must be a list such as [\"a\", \"b\"], was empty (null)"),
				Arguments.of("{\"f\": {\"active\": true, \"activation_date\": \"Christmas\"}}",
						"f.activation_date: must be an ISO date-time such as 2022-12-25T00:00:00, was 'Christmas'"),
				Arguments.of("{\"f\": {\"active\": true, \"activation_date\": \"+999999999-12-31T23:59:59\"}}",
						"f.activation_date: must be between the years 1 and 9999, was +999999999-12-31T23:59:59Z"),
				Arguments.of("{\"f\": {\"active\": true, \"percentage_rollout\": \"half\"}}",
						"f.percentage_rollout: must be a number (the legacy system fails comparing anything else), "
								+ "was 'half'"),
				Arguments.of("{\"f\": {\"active\": true, \"depends_on\": \"g\"}}",
						"f.depends_on: must be a list such as [\"a\", \"b\"], was 'g'"),
				Arguments.of("{\" \": {\"active\": true}}",
						"(document): has a flag named ' '; a flag name must not be blank (native documents and stores "
								+ "cannot hold it): name it"),
				Arguments.of("{\"f\": {\"activ\": true}}",
						"f: has none of the legacy settings (active, regions, percentage_rollout, users, account_types, "
								+ "beta_program, activation_date, error_threshold, environments, performance_baseline, "
								+ "performance_threshold, depends_on, metadata); for a native document, start it with "
								+ "version: 1"),
				Arguments.of(
						"{\"a\": {\"active\": true, \"depends_on\": [\"b\"]}, \"b\": {\"active\": true, \"depends_on\": [\"a\"]}}",
						"a.depends_on: prerequisite cycle a -> b -> a; remove one of these prerequisites"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("legacyProblems")
	void reportsLegacyProblemsWithTheirPath(String json, String expected) {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> FeatureDocuments.parseLegacy(json, "features_config.json"))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(ConfigProblem::toString).containsExactly(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"new_ui\": {\"active\": true}}", "new_ui:\n  active: true\n" })
	void parseDetectsALegacyDocument(String document) {
		assertThat(FeatureDocuments.parse(document, "test").features().get("new_ui"))
			.isEqualTo(FeatureDefinition.builder("new_ui").build());
	}

	@Test
	void parseDetectsTheExampleAsLegacy() {
		assertThat(FeatureDocuments.parse(Documents.read(EXAMPLE), EXAMPLE)).isEqualTo(example());
	}

}
