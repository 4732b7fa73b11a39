package io.flagstaff.config;

import java.util.List;
import java.util.stream.Stream;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ValidationTests {

	private static List<String> problems(String document) {
		FeatureConfigException ex = org.assertj.core.api.Assertions.catchThrowableOfType(FeatureConfigException.class,
				() -> FeatureDocuments.parse(document, "test.yml"));
		assertThat(ex).as("document is rejected").isNotNull();
		assertThat(ex.getSource()).isEqualTo("test.yml");
		return ex.getProblems().stream().map(ConfigProblem::toString).toList();
	}

	@Test
	void theProblemsOfAFeatureSetBuiltInCodeAreTheOnesAStoreRefuses() {
		FeatureSet set = FeatureSet.of(
				FeatureDefinition.builder("f").rollout(150.0).requires(List.of(Prerequisite.on("new-iu"))).build(),
				FeatureDefinition.builder("new-ui").build());
		assertThat(FeatureDocuments.problems(set)).extracting(ConfigProblem::toString)
			.containsExactly("features.f.rollout: must be between 0 and 100, was 150.0",
					"features.f.requires[0].feature: unknown flag 'new-iu'; define it or fix the key "
							+ "(did you mean 'new-ui'?)");
		assertThat(FeatureDocuments.problems(FeatureSet.of(FeatureDefinition.builder("f").build()))).isEmpty();
	}

	static Stream<Arguments> flagProblems() {
		return Stream.of(Arguments.of("{ rollout: 150 }", "features.f.rollout: must be between 0 and 100, was 150"),
				Arguments.of("{ rollout: -1 }", "features.f.rollout: must be between 0 and 100, was -1"),
				Arguments.of("{ rollout: 12.345 }",
						"features.f.rollout: must have at most two decimals (steps of 0.01%), was 12.345"),
				Arguments.of("{ rollout: half }", "features.f.rollout: must be a number, was 'half'"),
				Arguments.of("{ rolout: 10 }", "features.f.rolout: unknown field 'rolout', did you mean 'rollout'?"),
				Arguments.of("{ enviroments: [dev] }",
						"features.f.enviroments: unknown field 'enviroments', did you mean 'environments'?"),
				Arguments.of("{ Owner: me }", "features.f.Owner: unknown field 'Owner', did you mean 'owner'?"),
				Arguments.of("{ colour: red }", "features.f.colour: unknown field 'colour'; allowed here: description, "
						+ "owner, type, expires, enabled, environments, schedule, requires, allow, deny, rules, rollout, "
						+ "bucketing, variants, health, track, metadata, killed"),
				Arguments.of("{ type: experment }",
						"features.f.type: must be one of release, experiment, ops, "
								+ "permission, kill-switch, was 'experment'; did you mean 'experiment'?"),
				Arguments.of("{ enabled: yes }", "features.f.enabled: must be true or false, was 'yes'"),
				Arguments.of("{ expires: 2027-13-01 }",
						"features.f.expires: must be a date such as 2027-03-01, was '2027-13-01'"),
				Arguments.of("{ environments: dev }",
						"features.f.environments: must be a list such as [a, b], was 'dev'"),
				Arguments.of("{ schedule: { from: tomorrow } }",
						"features.f.schedule.from: must be a date-time with an offset, such as 2026-12-01T08:00:00Z or "
								+ "2026-12-01T09:00:00+01:00, was 'tomorrow'"),
				Arguments.of("{ schedule: { from: '2026-12-01T08:00:00' } }",
						"features.f.schedule.from: must be a date-time with an offset, such as 2026-12-01T08:00:00Z or "
								+ "2026-12-01T09:00:00+01:00, was '2026-12-01T08:00:00'"),
				Arguments.of("{ schedule: { from: '2027-01-01T00:00:00Z', until: '2026-01-01T00:00:00Z' } }",
						"features.f.schedule: from (2027-01-01T00:00:00Z) must be before until (2026-01-01T00:00:00Z)"),
				Arguments.of("{ schedule: {} }",
						"features.f.schedule: needs from, until or both; remove the schedule to be always on"),
				Arguments.of("{ schedule: { form: '2027-01-01T00:00:00Z' } }",
						"features.f.schedule.form: unknown field 'form', did you mean 'from'?"),
				Arguments.of("{ requires: [ { feature: a, varients: [x] } ] }",
						"features.f.requires[0].varients: unknown field 'varients', did you mean 'variants'?"),
				Arguments.of("{ requires: [ { enabled: true } ] }",
						"features.f.requires[0].feature: is required: name the flag this one needs"),
				Arguments.of("{ requires: [ { feature: a, enabled: false, variants: [x] } ] }",
						"features.f.requires[0]: requires variants of a flag that must be off; remove enabled: false or the variants"),
				Arguments.of("{ allow: [ { id: 1 } ] }",
						"features.f.allow[0]: must be a string or number, was a mapping"),
				Arguments.of("{ rules: [ { when: [], serve: maybe } ] }",
						"features.f.rules[0].serve: must be on or off (use variant: <name> or rollout: <percentage> for the others), was 'maybe'"),
				Arguments.of("{ rules: [ { when: [] } ] }",
						"features.f.rules[0]: needs what to serve: serve: on, serve: off, variant: <name> or rollout: <percentage>"),
				Arguments.of("{ rules: [ { serve: on, rollout: 5 } ] }",
						"features.f.rules[0]: has serve and rollout; keep exactly one of serve, variant or rollout"),
				Arguments.of("{ rules: [ { rollout: 500 } ] }",
						"features.f.rules[0].rollout: must be between 0 and 100, was 500"),
				Arguments.of("{ rules: [ { serve: on, fallthrough: true } ] }",
						"features.f.rules[0].fallthrough: applies only to a rollout rule; remove it or serve a rollout"),
				Arguments.of("{ rules: [ { wen: [], serve: on } ] }",
						"features.f.rules[0].wen: unknown field 'wen', did you mean 'when'?"),
				Arguments.of("{ rules: [ { when: { attribute: a, equals: b }, serve: on } ] }",
						"features.f.rules[0].when: must be a list of conditions such as [ { attribute: region, in: [DE] } ], was a mapping"),
				Arguments.of("{ rules: [ { when: [ { attribute: region, equal: DE } ], serve: on } ] }",
						"features.f.rules[0].when[0].equal: unknown field 'equal', did you mean 'equals'?"),
				Arguments.of("{ rules: [ { when: [ { attribute: region, startWith: [a] } ], serve: on } ] }",
						"features.f.rules[0].when[0].startWith: unknown field 'startWith', did you mean 'startsWith'?"),
				Arguments.of("{ rules: [ { when: [ { attribute: region } ], serve: on } ] }",
						"features.f.rules[0].when[0]: needs one operator, such as equals, in, regex, gte, semverGte, before, inCidr, exists or isTrue"),
				Arguments.of("{ rules: [ { when: [ { attribute: region, in: [a], equals: b } ], serve: on } ] }",
						"features.f.rules[0].when[0]: has several operators (in, equals); keep one per condition and add another condition for the rest"),
				Arguments.of("{ rules: [ { when: [ { in: [a] } ], serve: on } ] }",
						"features.f.rules[0].when[0].attribute: is required: name the context attribute to test (userId, region, ...), or use segment: <name>"),
				Arguments.of("{ rules: [ { when: [ { attribute: region, equals: [a, b] } ], serve: on } ] }",
						"features.f.rules[0].when[0].equals: equals takes one value, was a list; use in for a list of values"),
				Arguments.of("{ rules: [ { when: [ { attribute: age, gt: old } ], serve: on } ] }",
						"features.f.rules[0].when[0].gt: must be a number, was 'old'"),
				Arguments.of("{ rules: [ { when: [ { attribute: beta, isTrue: false } ], serve: on } ] }",
						"features.f.rules[0].when[0].isTrue: write isTrue: true (negate with not: true), was false"),
				Arguments.of("{ rules: [ { when: [ { attribute: plan, exists: maybe } ], serve: on } ] }",
						"features.f.rules[0].when[0].exists: must be true or false, was 'maybe'"),
				Arguments.of("{ rules: [ { when: [ { attribute: region, in: [] } ], serve: on } ] }",
						"features.f.rules[0].when[0].in: must list at least one value"),
				Arguments.of("{ rules: [ { when: [ { segment: a, attribute: b } ], serve: on } ] }",
						"features.f.rules[0].when[0]: names both a segment and an attribute; split it into two conditions"),
				Arguments.of("{ rules: [ { when: [ { segment: a, nott: true } ], serve: on } ] }",
						"features.f.rules[0].when[0].nott: unknown field 'nott', did you mean 'not'?"),
				Arguments.of("{ rules: [ { when: [ region ], serve: on } ] }",
						"features.f.rules[0].when[0]: must be a condition such as { attribute: region, in: [DE] } or { segment: beta }, was 'region'"),
				Arguments.of("{ bucketing: { scheme: sha256 } }",
						"features.f.bucketing.scheme: must be one of default, "
								+ "unleash, legacy-sha256, legacy-md5, was 'sha256'"),
				Arguments.of("{ bucketing: { scheme: unleesh } }",
						"features.f.bucketing.scheme: must be one of default, "
								+ "unleash, legacy-sha256, legacy-md5, was 'unleesh'; did you mean 'unleash'?"),
				Arguments.of("{ bucketing: { key: userId } }",
						"features.f.bucketing.key: unknown field 'key'; allowed here: scheme, by, salt, fallback"),
				Arguments.of("{ variants: { a: -1 } }", "features.f.variants.a: must be at least 0, was -1"),
				Arguments.of("{ variants: { a: 1.5 } }", "features.f.variants.a: must be a whole number, was 1.5"),
				Arguments.of("{ variants: { a: 0, b: 0 } }",
						"features.f.variants: the weights add up to 0; give at least one variant a positive weight"),
				Arguments.of("{ variants: { a: { value: x } } }",
						"features.f.variants.a.weight: is required: give the variant's share, such as weight: 50"),
				Arguments.of("{ variants: { a: { weight: 1, valeu: x } } }",
						"features.f.variants.a.valeu: unknown field 'valeu', did you mean 'value'?"),
				Arguments.of("{ variants: [a, b] }",
						"features.f.variants: must be a mapping of variant names to weights, such as { control: 50, treatment: 50 }, was a list"),
				Arguments.of("{ health: { maxErrors: 0 } }", "features.f.health.maxErrors: must be at least 1, was 0"),
				Arguments.of("{ health: { window: 1 minute } }",
						"features.f.health.window: must be a duration such as "
								+ "300ms, 30s, 1m, 2h, 1d or PT1M, was '1 minute'"),
				Arguments.of("{ health: { window: 0s } }",
						"features.f.health.window: must be longer than zero, was '0s'"),
				Arguments.of("{ health: { maxFailureRate: 25 } }",
						"features.f.health.maxFailureRate: must be a "
								+ "fraction above 0 and at most 1 (0.25 means 25%), was 25"),
				Arguments.of("{ health: { maxTrafficDrop: 0 } }",
						"features.f.health.maxTrafficDrop: must be a "
								+ "fraction above 0 and at most 1 (0.25 means 25%), was 0"),
				Arguments.of("{ health: { maxSlowCalls: 5 } }",
						"features.f.health.maxSlowCalls: needs latencyBaseline, "
								+ "the duration above which a call is slow, such as latencyBaseline: 300ms"),
				Arguments.of("{ health: { minCalls: 5 } }",
						"features.f.health.minCalls: applies only with "
								+ "maxFailureRate; add maxFailureRate: 0.5 or remove minCalls"),
				Arguments.of("{ health: { scope: flag } }",
						"features.f.health.scope: must be one of feature, variant, was 'flag'"),
				Arguments.of("{ health: { maxError: 5 } }",
						"features.f.health.maxError: unknown field 'maxError', did you mean 'maxErrors'?"),
				Arguments.of("{ track: 1 }", "features.f.track: must be true or false, was 1"),
				Arguments.of("{ metadata: [a] }",
						"features.f.metadata: must be a mapping of names to values, was a list"),
				Arguments.of("{ killed: { by: me, at: 2026-11-20T10:15:30Z } }",
						"features.f.killed.reason: is required: why the flag was switched off"),
				Arguments.of("{ description: '' }",
						"features.f.description: must not be blank; remove the field or give it a value"),
				Arguments.of("[]", "features.f: must be a mapping of description, owner, type, expires, enabled, "
						+ "environments, schedule, requires, allow, deny, rules, rollout, bucketing, variants, health, "
						+ "track, metadata, killed, was a list"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("flagProblems")
	void reportsTheProblemWithItsPathAndFix(String body, String expected) {
		assertThat(problems(Documents.flag(body))).containsExactly(expected);
	}

	static Stream<Arguments> documentProblems() {
		return Stream.of(
				Arguments.of("features: {}", "version: is required: add version: 1 at the top of the document"),
				Arguments.of("version: 2\nfeatures: {}",
						"version: must be 1, the only version this Flagstaff reads, was 2"),
				Arguments.of("version: 1\nfeature: {}", "feature: unknown field 'feature', did you mean 'features'?"),
				Arguments.of("version: 1\nfeatures: [a]",
						"features: must be a mapping of flag keys to flags, such as "
								+ "{ new-checkout: { rollout: 10 } }, was a list"),
				Arguments.of("version: 1\nsegments:\n  s: { attribute: a, equals: b }",
						"segments.s: must be a list of conditions such as [ { attribute: region, in: [DE] } ], was a mapping"),
				Arguments.of("", "(document): is empty; start with version: 1 and a features mapping"),
				Arguments.of("- a\n- b", "(document): must be a mapping of version, segments, features, was a list"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentProblems")
	void reportsDocumentLevelProblems(String document, String expected) {
		assertThat(problems(document)).containsExactly(expected);
	}

	@Test
	void reportsEveryProblemOfADocumentAtOnce() {
		String document = """
				version: 1
				features:
				  new-checkout:
				    rollout: 150
				    typo: 1
				    rules:
				      - { when: [ { attribute: a, regx: x } ], serve: on }
				  other:
				    enabled: maybe
				""";
		assertThat(problems(document)).containsExactly(
				"features.new-checkout.typo: unknown field 'typo', did you mean 'type'?",
				"features.new-checkout.rollout: must be between 0 and 100, was 150",
				"features.new-checkout.rules[0].when[0].regx: unknown field 'regx', did you mean 'regex'?",
				"features.other.enabled: must be true or false, was 'maybe'");
	}

	@Test
	void reportsSyntaxErrorsWithLineAndColumn() {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> FeatureDocuments.parse("{ \"version\": 1, \"features\": { ", "bad.json"))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).hasSize(1);
				assertThat(ex.getProblems().get(0).path()).startsWith("line 1, column ");
				assertThat(ex.getProblems().get(0).message()).startsWith("is not valid JSON: ");
				assertThat(ex.getMessage()).startsWith("Invalid feature configuration in bad.json (1 problem):");
			});
	}

	@Test
	void rejectsDuplicateKeys() {
		assertThat(problems("version: 1\nfeatures:\n  a: {}\n  a: {}\n")).singleElement()
			.asString()
			.startsWith("line 4, column ")
			.contains("Duplicate")
			.contains("\"a\"");
	}

	@Test
	void explainsEveryProblemInTheExceptionMessage() {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> FeatureDocuments.parse(Documents.flag("{ rollout: 150, track: 1 }"), "f.yml"))
			.withMessage("Invalid feature configuration in f.yml (2 problems):\n"
					+ "  - features.f.rollout: must be between 0 and 100, was 150\n"
					+ "  - features.f.track: must be true or false, was 1");
	}

	@Test
	void appendsTheSemanticProblemsOfAStructurallySoundDocument() {
		String document = """
				version: 1
				features:
				  a:
				    requires: [b]
				    rules:
				      - { when: [ { segment: betas } ], serve: on }
				      - { when: [ { attribute: email, regex: "(" } ], variant: blue }
				  b:
				    requires: [a]
				""";
		List<String> problems = problems(document);
		assertThat(problems)
			.anySatisfy((problem) -> assertThat(problem).startsWith("features.a.rules[0].when[0]").contains("betas"));
		assertThat(problems)
			.anySatisfy((problem) -> assertThat(problem).startsWith("features.a.rules[1].when[0].regex"));
		assertThat(problems)
			.anySatisfy((problem) -> assertThat(problem).startsWith("features.a.rules[1].variant").contains("blue"));
		assertThat(problems)
			.contains("features.a.requires: prerequisite cycle a -> b -> a; remove one of these prerequisites");
	}

	@Test
	void reportsAPrerequisiteOnAnUnknownFlag() {
		assertThat(problems("version: 1\nfeatures:\n  a: { requires: [new-iu] }\n  new-ui: {}\n")).singleElement()
			.asString()
			.startsWith("features.a.requires[0].feature: unknown flag 'new-iu'")
			.contains("new-ui");
	}

	@Test
	void reportsStructuralAndSemanticProblemsOfDifferentFlagsTogether() {
		String document = """
				version: 1
				features:
				  broken: { rollout: 150 }
				  needs-broken: { requires: [broken] }
				  bad-regex:
				    rules: [ { when: [ { attribute: email, regex: "(" } ], serve: on } ]
				""";
		List<String> problems = problems(document);
		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).isEqualTo("features.broken.rollout: must be between 0 and 100, was 150");
		assertThat(problems.get(1)).startsWith("features.bad-regex.rules[0].when[0].regex");
	}

}
