package io.flagstaff.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every reproducer of issue 16 is refused with a {@link FeatureConfigException} naming
 * the place and the fix, never anything else; and the budgets are where the documentation
 * says.
 */
class ReaderBudgetTests {

	private static final Map<String, String> EXPECTED = Map.ofEntries(
			Map.entry("rollout: 1e999999999",
					"features.f.rollout: must be within 1e-1000 and 1e1000 in size, was 1E+999999999"),
			Map.entry("rollout: -1e999999999",
					"features.f.rollout: must be within 1e-1000 and 1e1000 in size, was -1E+999999999"),
			Map.entry("rollout: 1e-999999999",
					"features.f.rollout: must be within 1e-1000 and 1e1000 in size, was 1E-999999999"),
			Map.entry("a variant weight of 1e999999999",
					"features.f.variants.a: must be within 1e-1000 and 1e1000 in size, was 1E+999999999"),
			Map.entry("maxErrors: 1e999999999",
					"features.f.health.maxErrors: must be within 1e-1000 and 1e1000 in size, was 1E+999999999"),
			Map.entry("regex ((((a{100}){100}){100}){100})",
					"features.f.rules[0].when[0].regex: expands to 100000000 states"),
			Map.entry("regex (a{100}){100}", "features.f.rules[0].when[0].regex: expands to 10000 states"),
			Map.entry("a 100,000-character literal regex",
					"features.f.rules[0].when[0].regex: is 100000 characters long; a regular expression may have at "
							+ "most 1000"),
			Map.entry("window: 9999999999999999d",
					"features.f.health.window: must be a duration such as 300ms, 30s, 1m, 2h, 1d or PT1M, "
							+ "was '9999999999999999d'"),
			Map.entry("schedule from the year 999999999",
					"features.f.schedule.from: must be between the years 1 and 9999, was +999999999-12-31T23:59:59Z"),
			Map.entry("before: the year 999999999",
					"features.f.rules[0].when[0].before: must be between the years 1 and 9999"),
			Map.entry("a YAML comment ending in a lone surrogate",
					"line 1, column 1025: holds a lone surrogate (half of a UTF-16 pair), which is not Unicode"),
			Map.entry("a 1,500-deep segment chain",
					"segments.s31[0].segment: segments refer to segments more than 32 "
							+ "deep from here; flatten the chain"),
			Map.entry("a 5,000-deep prerequisite chain",
					"features.f4967.requires: starts a chain of 33 prerequisites (a flag requiring a flag requiring "
							+ "...), more than the 32 allowed"),
			Map.entry("owner: *team", "line 5, column 17: is not valid YAML: the alias *team is not supported"));

	static Stream<Arguments> reproducers() {
		return Reproducers.documents()
			.entrySet()
			.stream()
			.map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("reproducers")
	void eachReproducerIsAConfigurationProblemWithItsPathAndFix(String name, String document) {
		Throwable thrown = catchThrowable(() -> FeatureDocuments.parse(document, "features.yml"));
		assertThat(thrown).isInstanceOf(FeatureConfigException.class);
		assertThat(((FeatureConfigException) thrown).getProblems()).map(ConfigProblem::toString)
			.anySatisfy((problem) -> assertThat(problem).startsWith(EXPECTED.get(name)));
	}

	@Test
	void everyReproducerHasItsExpectation() {
		assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(Reproducers.documents().keySet());
	}

	@Test
	void aLegacyActivationDateOutOfRangeNamesItsLegacyPath() {
		Throwable thrown = catchThrowable(() -> FeatureDocuments.parse(Reproducers.legacyActivationDate(), "c.json"));
		assertThat(((FeatureConfigException) thrown).getProblems()).map(ConfigProblem::toString)
			.containsExactly("f.activation_date: must be between the years 1 and 9999, was +999999999-12-31T23:59:59Z");
	}

	@ParameterizedTest
	@ValueSource(ints = { 32, 33 })
	void chainsUpToTheBudgetAreRead(int length) {
		Throwable segments = catchThrowable(() -> FeatureDocuments.parse(Reproducers.segmentChain(length - 1), "s"));
		Throwable prerequisites = catchThrowable(
				() -> FeatureDocuments.parse(Reproducers.prerequisiteChain(length), "p"));
		assertThat(segments == null).as("a chain of %d segments", length).isEqualTo(length <= 32);
		assertThat(prerequisites == null).as("a chain of %d prerequisites", length).isEqualTo(length <= 32);
	}

	static Stream<Arguments> regexSizes() {
		return Stream.of(Arguments.of("^[a-z0-9._%+-]+@acme\\.io$", true), Arguments.of("a{1000}", true),
				Arguments.of("a{1001}", false), Arguments.of("(ab){500}", true), Arguments.of("(ab){501}", false),
				Arguments.of("(a|b|c){300}", true), Arguments.of("(a{10}){100}", true),
				Arguments.of("(a{10}){101}", false), Arguments.of("(?:(?:a{10}){10}){10}", true),
				Arguments.of("(?:(?:a{10}){10}){11}", false), Arguments.of("a{2,1000}", true),
				Arguments.of("[a-z]{1000}", true), Arguments.of("\\pL{1000}", true),
				Arguments.of("(\\d{3}){400}", false), Arguments.of("x".repeat(1000), true),
				Arguments.of("x".repeat(1001), false), Arguments.of("\\Q" + "{".repeat(900) + "\\E{2}", true),
				Arguments.of("a{,5}{1000}", false), Arguments.of("(?P<name>a{10}){100}", true),
				Arguments.of("(?i)a{1000}", true), Arguments.of("\\x{41}{1000}", true));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("regexSizes")
	void theRegexBudgetCountsEveryStateItsRepetitionsExpandTo(String regex, boolean within) {
		assertThat(Limits.regexProblem(regex) == null).isEqualTo(within);
	}

	@Test
	void aDocumentOverTheSizeBudgetIsRefusedBeforeParsing() {
		String document = "version: 1\nfeatures: {}\n#" + "x".repeat(Limits.MAX_DOCUMENT_CHARS);
		Throwable thrown = catchThrowable(() -> FeatureDocuments.parse(document, "big.yml"));
		assertThat(((FeatureConfigException) thrown).getProblems()).map(ConfigProblem::toString)
			.singleElement()
			.asString()
			.startsWith("(document): is " + document.length() + " characters long; a document may have at most "
					+ Limits.MAX_DOCUMENT_CHARS);
	}

	static Stream<Arguments> overBudget() {
		return Stream.of(
				Arguments.of(Reproducers.flag("description: " + "d".repeat(Limits.MAX_STRING_CHARS + 1)),
						"features.f.description: is a string of 100001 characters; at most 100000 are allowed"),
				Arguments.of("{\"version\": 1, \"features\": {\"f\": {\"metadata\": {\"ticket\": \"\\uDC00\"}}}}",
						"features.f.metadata.ticket: is a string holding a lone surrogate (U+DC00) at character 0"),
				Arguments.of(Reproducers.flag("rollout: .nan"),
						"line 4, column 18: is not valid YAML: Malformed numeric value '.nan"),
				Arguments.of(Reproducers.flag("metadata: { deep: " + "[".repeat(80) + "]".repeat(80) + " }"),
						"(document): is not valid YAML: Document nesting depth (65) exceeds the maximum allowed (64"),
				Arguments.of(
						Reproducers
							.flag("variants: { a: { weight: 1, value: " + "[".repeat(33) + "]".repeat(33) + " } }"),
						"features.f.variants.a.value: nests lists and mappings more than 32 deep; flatten the value"),
				Arguments.of(Reproducers.flag("metadata: { deep: " + "[".repeat(33) + "]".repeat(33) + " }"),
						"features.f.metadata.deep: nests lists and mappings more than 32 deep; flatten the value"),
				Arguments.of(
						Reproducers.flag("rules: [ { when: [ { attribute: a, gt: '1e999999999' } ], serve: on } ]"),
						"features.f.rules[0].when[0].gt: must be within 1e-1000 and 1e1000 in size"));
	}

	@ParameterizedTest
	@MethodSource("overBudget")
	void stringsNumbersAndNestingOverBudgetAreProblemsWithTheirPath(String document, String expected) {
		Throwable thrown = catchThrowable(() -> FeatureDocuments.parse(document, "features.yml"));
		assertThat(thrown).isInstanceOf(FeatureConfigException.class);
		assertThat(((FeatureConfigException) thrown).getProblems()).map(ConfigProblem::toString)
			.anySatisfy((problem) -> assertThat(problem).startsWith(expected));
	}

	@Test
	void aStoreRowIsHeldToTheSameBudgetsWithThePathOfItsFlagOrSegment() {
		Throwable feature = catchThrowable(
				() -> FeatureDocuments.parseFeature("f", "{\"rollout\": 1e999999999}", "row f"));
		Throwable segment = catchThrowable(() -> FeatureDocuments.parseSegment("s",
				"[{\"attribute\": \"ua\", \"in\": [\"" + "u".repeat(Limits.MAX_STRING_CHARS + 1) + "\"]}]", "row s"));
		assertThat(((FeatureConfigException) feature).getProblems()).map(ConfigProblem::path)
			.containsExactly("features.f.rollout");
		assertThat(feature).hasMessageContaining("row f");
		assertThat(((FeatureConfigException) segment).getProblems()).map(ConfigProblem::path)
			.containsExactly("segments.s[0].in[0]");
		List<Condition> overBudget = FeatureDocuments.parseSegment("s",
				"[{\"attribute\": \"ua\", \"regex\": \"(a{100}){100}\"}]", "row s");
		assertThat(FeatureDocuments.problems(new FeatureSet(Map.of("s", overBudget), Map.of())))
			.as("a segment row's regex is checked when it is compiled")
			.map(ConfigProblem::path)
			.containsExactly("segments.s[0].regex");
	}

	@Test
	void manyProblemsAreCappedWithACount() {
		StringBuilder document = new StringBuilder("version: 1\nfeatures:\n");
		for (int i = 0; i < 500; i++) {
			document.append("  f").append(i).append(": { rollout: 150 }\n");
		}
		Throwable thrown = catchThrowable(() -> FeatureDocuments.parse(document.toString(), "many.yml"));
		List<ConfigProblem> problems = ((FeatureConfigException) thrown).getProblems();
		assertThat(problems).hasSize(Limits.MAX_PROBLEMS + 1);
		assertThat(problems.get(Limits.MAX_PROBLEMS).toString())
			.isEqualTo("(document): 400 more problems are not listed; fix the ones above and read the document again");
	}

	static Stream<Arguments> unreadable() {
		String lone = "\uD800";
		return Stream.of(Arguments.of(FeatureDefinition.builder("f").description("a" + lone).build(), "description"),
				Arguments.of(FeatureDefinition.builder("f").metadata(Map.of("k" + lone, FeatureValue.of("v"))).build(),
						"metadata"),
				Arguments.of(FeatureDefinition.builder("f").owner("x".repeat(Limits.MAX_STRING_CHARS + 1)).build(),
						"owner"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("unreadable")
	void writingRefusesWhatWouldNotReadBackTheSame(FeatureDefinition feature, String field) {
		for (Syntax syntax : Syntax.values()) {
			Throwable thrown = catchThrowable(() -> FeatureDocuments.write(FeatureSet.of(feature), syntax));
			assertThat(thrown).as("%s", syntax).isInstanceOf(FeatureConfigException.class).hasMessageContaining(field);
		}
		assertThat(catchThrowable(() -> FeatureDocuments.writeFeature(feature)))
			.isInstanceOf(FeatureConfigException.class);
	}

	@Test
	void aValueNestedDeeperThanAnyDocumentHoldsCannotBeBuilt() {
		String nested = "[".repeat(FeatureValue.MAX_DEPTH) + "]".repeat(FeatureValue.MAX_DEPTH);
		assertThat(FeatureValue.of(tools.jackson.databind.json.JsonMapper.shared().readTree(nested))).isNotNull();
		assertThat(catchThrowable(
				() -> FeatureValue.of(tools.jackson.databind.json.JsonMapper.shared().readTree("[" + nested + "]"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("nests lists and mappings more than 32 deep; flatten the value");
	}

	@Test
	void everyUnicodeStringSurvivesTheYamlRoundTrip() {
		List<String> strings = List.of("\uD83D\uDE00 emoji", "tab\there", "\u0085next line", "\u2028separator",
				"'quoted'", "\"double\"", "#not a comment", "- dash", "yes", "null", "~", "1e3", "0x1F", ".inf",
				"key: value", " leading", "trailing ", "", "\uFEFFbom", "\u0000nul", "a\r\nb");
		Condition condition = new Condition.Attribute("label", Operator.IN, strings.subList(0, strings.size() - 4),
				false, false);
		FeatureSet set = new FeatureSet(Map.of("all", List.of(condition)),
				Map.of("f",
						FeatureDefinition.builder("f")
							.description("described \uD83D\uDE00")
							.metadata(Map.of("texts", FeatureValue.of(String.join("|", strings))))
							.build()));
		for (Syntax syntax : Syntax.values()) {
			String written = FeatureDocuments.write(set, syntax);
			assertThat(FeatureDocuments.parseNative(written, syntax, "round trip")).as("%s:%n%s", syntax, written)
				.isEqualTo(set);
		}
	}

}
