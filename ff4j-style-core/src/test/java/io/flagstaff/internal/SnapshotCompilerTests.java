package io.flagstaff.internal;

import java.util.List;
import java.util.Map;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCompilerTests {

	private static List<ConfigProblem> problemsOf(Condition condition) {
		FeatureDefinition flag = FeatureDefinition.builder("new-checkout")
			.rule(Rule.serve(List.of(Evaluations.when("region", Operator.EQUALS, "DE"), condition), true))
			.build();
		return SnapshotCompiler.problems(FeatureSet.of(flag));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = ';', value = {
			"regex; (a)\\1; features.new-checkout.rules[0].when[1].regex; is not a valid RE2 regular expression",
			"gt; ten; features.new-checkout.rules[0].when[1].gt; must be a number, was 'ten'",
			"semverGte; 4.2; features.new-checkout.rules[0].when[1].semverGte; must be a semantic version such as 4.2.0",
			"before; tomorrow; features.new-checkout.rules[0].when[1].before; must be an ISO-8601 date-time",
			"inCidr; 10.0.0.0/33; features.new-checkout.rules[0].when[1].inCidr[0]; must be a CIDR block",
			"exists; yes; features.new-checkout.rules[0].when[1].exists; must be true or false, was 'yes'" })
	void anOperandThatDoesNotParseIsReportedWithItsPath(String operator, String operand, String path, String message) {
		List<ConfigProblem> problems = problemsOf(Evaluations.when("a", Operator.fromConfigName(operator), operand));
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.path()).isEqualTo(path);
			assertThat(problem.message()).startsWith(message);
		});
	}

	@Test
	void arityIgnoreCaseAndSpecialAttributesAreChecked() {
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.rule(Rule.serve(List.of(new Condition.Attribute("a", Operator.EQUALS, List.of("x", "y"), false, false),
					new Condition.Attribute("a", Operator.GT, List.of("1"), true, false),
					new Condition.Attribute("*", Operator.EQUALS, List.of("x"), false, false),
					new Condition.Attribute("currentTime", Operator.EQUALS, List.of("x"), false, false),
					new Condition.Attribute("a", Operator.IS_TRUE, List.of("x"), false, false),
					new Condition.Attribute("a", Operator.IN, List.of(), false, false)), true))
			.build();
		assertThat(SnapshotCompiler.problems(FeatureSet.of(flag))).extracting(ConfigProblem::toString)
			.containsExactly("features.f.rules[0].when[0].equals: takes exactly one value, was 2",
					"features.f.rules[0].when[1].gtIgnoreCase: 'gt' has no ignore-case form; only equals, in, notIn, "
							+ "contains, startsWith and endsWith do",
					"features.f.rules[0].when[2].attribute: '*' (the whole context) only works with 'exists'; name an "
							+ "attribute to use 'equals'",
					"features.f.rules[0].when[3].attribute: 'currentTime' only works with 'before' and 'after', not "
							+ "'equals'",
					"features.f.rules[0].when[4].isTrue: takes no value, was [x]",
					"features.f.rules[0].when[5].in: takes at least one value, was none");
	}

	@Test
	void segmentProblemsAreReportedInTheSegmentAndUnknownSegmentsWhereReferenced() {
		Map<String, List<Condition>> segments = Map.of("eu-premium",
				List.of(new Condition.Attribute("region", Operator.IN, List.of(), false, false)));
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.rule(Rule.serve(List.of(new Condition.Segment("eu-premum", false)), true))
			.build();
		assertThat(SnapshotCompiler.problems(new FeatureSet(segments, Map.of("f", flag))))
			.extracting(ConfigProblem::toString)
			.containsExactly("segments.eu-premium[0].in: takes at least one value, was none",
					"features.f.rules[0].when[0].segment: unknown segment 'eu-premum'; define it under 'segments' or "
							+ "fix the name (did you mean 'eu-premium'?)");
	}

	@Test
	void variantsRolloutsAndRuleVariantsAreChecked() {
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.rollout(150.0)
			.variants(List.of(new VariantDefinition("a", 0, null), new VariantDefinition("a", 0, null)))
			.rule(Rule.variant(List.of(), "b"))
			.rule(Rule.rollout(List.of(), 0.005))
			.build();
		assertThat(SnapshotCompiler.problems(FeatureSet.of(flag))).extracting(ConfigProblem::toString)
			.containsExactly("features.f.rollout: must be between 0 and 100, was 150.0",
					"features.f.variants.a: is defined twice; give each variant a distinct name",
					"features.f.variants: the weights add up to 0; give at least one variant a positive weight",
					"features.f.rules[0].variant: serves variant 'b', which the flag does not define; use one of [a]",
					"features.f.rules[1].rollout: must have at most two decimals (for example 0.05), was 0.005");
	}

	@Test
	void aValidSetHasNoProblems() {
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.rule(Rule.serve(List.of(Evaluations.when("ip", Operator.IN_CIDR, "10.0.0.0/8", "2001:db8::/32"),
					Evaluations.when("v", Operator.SEMVER_GTE, "1.0.0-rc.1"),
					Evaluations.when("t", Operator.AFTER, "2026-12-01T10:00:00+02:00"),
					Evaluations.when("e", Operator.REGEX, "^[a-z]+$"), Evaluations.when("*", Operator.EXISTS, "false")),
					true))
			.rollout(12.34)
			.build();
		assertThat(SnapshotCompiler.problems(FeatureSet.of(flag))).isEmpty();
	}

}
