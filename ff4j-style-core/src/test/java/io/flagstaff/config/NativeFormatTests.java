package io.flagstaff.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NativeFormatTests {

	private static FeatureDefinition flag(String body) {
		String document = "version: 1\nsegments:\n  staff: [ { attribute: staff, isTrue: true } ]\nfeatures:\n  f: "
				+ body + "\n  a: { variants: { x: 1, y: 1 } }\n";
		return FeatureDocuments.parse(document, "test").features().get("f");
	}

	private static Condition condition(String yaml) {
		return flag("{ rules: [ { when: [ " + yaml + " ], serve: on } ] }").rules().get(0).when().get(0);
	}

	static Stream<Arguments> fields() {
		return Stream.of(row("{ description: Fast checkout }", FeatureDefinition::description, "Fast checkout"),
				row("{ owner: team-a }", FeatureDefinition::owner, "team-a"),
				row("{}", FeatureDefinition::type, FeatureType.RELEASE),
				row("{ type: experiment }", FeatureDefinition::type, FeatureType.EXPERIMENT),
				row("{ type: ops }", FeatureDefinition::type, FeatureType.OPS),
				row("{ type: permission }", FeatureDefinition::type, FeatureType.PERMISSION),
				row("{ type: kill-switch }", FeatureDefinition::type, FeatureType.KILL_SWITCH),
				row("{ expires: 2027-03-01 }", FeatureDefinition::expires, LocalDate.of(2027, 3, 1)),
				row("{}", FeatureDefinition::enabled, true),
				row("{ enabled: false }", FeatureDefinition::enabled, false),
				row("{}", FeatureDefinition::environments, List.of()),
				row("{ environments: [dev, prod] }", FeatureDefinition::environments, List.of("dev", "prod")),
				row("{ schedule: { from: 2026-12-01T08:00:00Z } }", FeatureDefinition::schedule,
						new Schedule(Instant.parse("2026-12-01T08:00:00Z"), null)),
				row("{ schedule: { until: '2026-12-01T09:00:00+01:00' } }", FeatureDefinition::schedule,
						new Schedule(null, Instant.parse("2026-12-01T08:00:00Z"))),
				row("{ requires: [a] }", FeatureDefinition::requires, List.of(Prerequisite.on("a"))),
				row("{ requires: [ { feature: a } ] }", FeatureDefinition::requires, List.of(Prerequisite.on("a"))),
				row("{ requires: [ { feature: a, enabled: false } ] }", FeatureDefinition::requires,
						List.of(new Prerequisite("a", false, List.of()))),
				row("{ requires: [ { feature: a, variants: [x, y] } ] }", FeatureDefinition::requires,
						List.of(new Prerequisite("a", true, List.of("x", "y")))),
				row("{ allow: [u1, 42] }", FeatureDefinition::allow, List.of("u1", "42")),
				row("{ deny: [u9] }", FeatureDefinition::deny, List.of("u9")),
				row("{}", FeatureDefinition::rollout, null), row("{ rollout: 10 }", FeatureDefinition::rollout, 10.0),
				row("{ rollout: 0.05 }", FeatureDefinition::rollout, 0.05),
				row("{ rollout: 100 }", FeatureDefinition::rollout, 100.0),
				row("{}", FeatureDefinition::bucketing, Bucketing.DEFAULT),
				row("{ bucketing: { scheme: legacy-sha256 } }", FeatureDefinition::bucketing,
						new Bucketing(BucketingScheme.LEGACY_SHA256, null, null)),
				row("{ bucketing: { scheme: unleash, by: sessionId, salt: s1 } }", FeatureDefinition::bucketing,
						new Bucketing(BucketingScheme.UNLEASH, "sessionId", "s1")),
				row("{ bucketing: { scheme: legacy-md5, by: accountId, fallback: [sessionId, random] } }",
						FeatureDefinition::bucketing,
						new Bucketing(BucketingScheme.LEGACY_MD5, "accountId", null, List.of("sessionId", "random"))),
				row("{ variants: { a: 1, b: 3 } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, null), new VariantDefinition("b", 3, null))),
				row("{ variants: { a: { weight: 1, value: blue } } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, FeatureValue.of("blue")))),
				row("{ variants: { a: { weight: 1, value: 2.5 } } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, FeatureValue.of(new BigDecimal("2.5"))))),
				row("{ variants: { a: { weight: 1, value: true } } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, FeatureValue.of(true)))),
				row("{ variants: { a: { weight: 1, value: { steps: 1 } } } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, FeatureValue.of(json("{\"steps\":1}"))))),
				row("{ variants: { a: { weight: 1, value: [1, 2] } } }", FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, FeatureValue.of(json("[1,2]"))))),
				row("{ variants: { a: { weight: 1, overrides: [ { attribute: qa, isTrue: true } ] } } }",
						FeatureDefinition::variants,
						List.of(new VariantDefinition("a", 1, null,
								List.of(new Condition.Attribute("qa", Operator.IS_TRUE, List.of(), false, false))))),
				row("{ health: { maxErrors: 5 } }", FeatureDefinition::health,
						new HealthPolicy(5, null, null, null, null, null, null, HealthPolicy.Scope.FEATURE)),
				row("{ health: { window: 30s, maxFailureRate: 0.5, minCalls: 10 } }", FeatureDefinition::health,
						new HealthPolicy(null, Duration.ofSeconds(30), 0.5, 10, null, null, null,
								HealthPolicy.Scope.FEATURE)),
				row("{ health: { window: PT2M, latencyBaseline: 300ms, maxSlowCalls: 3, scope: variant } }",
						FeatureDefinition::health,
						new HealthPolicy(null, Duration.ofMinutes(2), null, null, Duration.ofMillis(300), 3, null,
								HealthPolicy.Scope.VARIANT)),
				row("{ health: { maxTrafficDrop: 0.3, window: 1h } }", FeatureDefinition::health,
						new HealthPolicy(null, Duration.ofHours(1), null, null, null, null, 0.3,
								HealthPolicy.Scope.FEATURE)),
				row("{}", FeatureDefinition::track, false), row("{ track: true }", FeatureDefinition::track, true),
				row("{ metadata: { jira: X-1, cost: 3, live: true, tags: [a] } }", FeatureDefinition::metadata,
						Map.of("jira", FeatureValue.of("X-1"), "cost", FeatureValue.of(new BigDecimal(3)), "live",
								FeatureValue.of(true), "tags", FeatureValue.of(json("[\"a\"]")))),
				row("{ killed: { by: health-guard, reason: too many errors, at: 2026-11-20T10:15:30Z } }",
						FeatureDefinition::killed,
						new Kill("health-guard", "too many errors", Instant.parse("2026-11-20T10:15:30Z"))));
	}

	private static Arguments row(String body, Function<FeatureDefinition, Object> field, Object expected) {
		return Arguments.of(body, field, expected);
	}

	private static tools.jackson.databind.JsonNode json(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fields")
	void readsEveryFlagField(String body, Function<FeatureDefinition, Object> field, Object expected) {
		assertThat(field.apply(flag(body))).isEqualTo(expected);
	}

	static Stream<Arguments> conditions() {
		return Stream.of(Arguments.of("{ attribute: region, equals: DE }", attr("region", Operator.EQUALS, "DE")),
				Arguments.of("{ attribute: region, in: [DE, RO] }", attr("region", Operator.IN, "DE", "RO")),
				Arguments.of("{ attribute: region, in: DE }", attr("region", Operator.IN, "DE")),
				Arguments.of("{ attribute: region, notIn: [DE] }", attr("region", Operator.NOT_IN, "DE")),
				Arguments.of("{ attribute: email, contains: [acme] }", attr("email", Operator.CONTAINS, "acme")),
				Arguments.of("{ attribute: email, startsWith: [admin] }", attr("email", Operator.STARTS_WITH, "admin")),
				Arguments.of("{ attribute: email, endsWith: ['@acme.io'] }",
						attr("email", Operator.ENDS_WITH, "@acme.io")),
				Arguments.of("{ attribute: region, equalsIgnoreCase: de }",
						new Condition.Attribute("region", Operator.EQUALS, List.of("de"), true, false)),
				Arguments.of("{ attribute: region, inIgnoreCase: [de] }",
						new Condition.Attribute("region", Operator.IN, List.of("de"), true, false)),
				Arguments.of("{ attribute: region, notInIgnoreCase: [de] }",
						new Condition.Attribute("region", Operator.NOT_IN, List.of("de"), true, false)),
				Arguments.of("{ attribute: email, containsIgnoreCase: [ACME] }",
						new Condition.Attribute("email", Operator.CONTAINS, List.of("ACME"), true, false)),
				Arguments.of("{ attribute: email, startsWithIgnoreCase: [a] }",
						new Condition.Attribute("email", Operator.STARTS_WITH, List.of("a"), true, false)),
				Arguments.of("{ attribute: email, endsWithIgnoreCase: [.IO] }",
						new Condition.Attribute("email", Operator.ENDS_WITH, List.of(".IO"), true, false)),
				Arguments.of("{ attribute: email, regex: '^[a-z]+@acme\\.io$' }",
						attr("email", Operator.REGEX, "^[a-z]+@acme\\.io$")),
				Arguments.of("{ attribute: age, eq: 18 }", attr("age", Operator.NUM_EQ, "18")),
				Arguments.of("{ attribute: age, lt: 18 }", attr("age", Operator.LT, "18")),
				Arguments.of("{ attribute: age, lte: 2.50 }", attr("age", Operator.LTE, "2.50")),
				Arguments.of("{ attribute: age, gt: '18' }", attr("age", Operator.GT, "18")),
				Arguments.of("{ attribute: age, gte: -1 }", attr("age", Operator.GTE, "-1")),
				Arguments.of("{ attribute: v, semverEq: 1.0.0 }", attr("v", Operator.SEMVER_EQ, "1.0.0")),
				Arguments.of("{ attribute: v, semverLt: 1.0.0 }", attr("v", Operator.SEMVER_LT, "1.0.0")),
				Arguments.of("{ attribute: v, semverLte: 1.0.0 }", attr("v", Operator.SEMVER_LTE, "1.0.0")),
				Arguments.of("{ attribute: v, semverGt: 1.0.0-rc.1 }", attr("v", Operator.SEMVER_GT, "1.0.0-rc.1")),
				Arguments.of("{ attribute: v, semverGte: 4.2.0 }", attr("v", Operator.SEMVER_GTE, "4.2.0")),
				Arguments.of("{ attribute: currentTime, before: '2027-01-01T00:00:00Z' }",
						attr("currentTime", Operator.BEFORE, "2027-01-01T00:00:00Z")),
				Arguments.of("{ attribute: signup, after: '2026-01-01T00:00:00Z' }",
						attr("signup", Operator.AFTER, "2026-01-01T00:00:00Z")),
				Arguments.of("{ attribute: ip, inCidr: [10.0.0.0/8, '::1/128'] }",
						attr("ip", Operator.IN_CIDR, "10.0.0.0/8", "::1/128")),
				Arguments.of("{ attribute: plan, exists: true }", attr("plan", Operator.EXISTS, "true")),
				Arguments.of("{ attribute: plan, exists: false }", attr("plan", Operator.EXISTS, "false")),
				Arguments.of("{ attribute: beta, isTrue: true }", attr("beta", Operator.IS_TRUE)),
				Arguments.of("{ attribute: beta, isFalse: true }", attr("beta", Operator.IS_FALSE)),
				Arguments.of("{ attribute: region, in: [DE], not: true }",
						new Condition.Attribute("region", Operator.IN, List.of("DE"), false, true)),
				Arguments.of("{ segment: staff }", new Condition.Segment("staff", false)),
				Arguments.of("{ segment: staff, not: true }", new Condition.Segment("staff", true)));
	}

	private static Condition attr(String attribute, Operator operator, String... values) {
		return new Condition.Attribute(attribute, operator, List.of(values), false, false);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("conditions")
	void readsEveryOperator(String yaml, Condition expected) {
		assertThat(condition(yaml)).isEqualTo(expected);
	}

	static Stream<Arguments> rules() {
		List<Condition> beta = List.of(attr("beta", Operator.IS_TRUE));
		return Stream.of(
				Arguments.of("{ when: [ { attribute: beta, isTrue: true } ], serve: on }", Rule.serve(beta, true)),
				Arguments.of("{ when: [ { attribute: beta, isTrue: true } ], serve: off }", Rule.serve(beta, false)),
				Arguments.of("{ when: [ { attribute: beta, isTrue: true } ], serve: true }", Rule.serve(beta, true)),
				Arguments.of("{ serve: on }", Rule.serve(List.of(), true)),
				Arguments.of("{ when: [ { attribute: beta, isTrue: true } ], rollout: 25.5 }",
						Rule.rollout(beta, 25.5)),
				Arguments.of("{ when: [ { attribute: beta, isTrue: true } ], variant: blue }",
						Rule.variant(beta, "blue")),
				Arguments.of(
						"{ name: betas, when: [ { attribute: beta, isTrue: true } ], rollout: 10, fallthrough: true,"
								+ " variants: { a: 1 }, bucketing: { by: sessionId }, variantBucketing: { salt: v } }",
						new Rule("betas", beta, Rule.Serve.ROLLOUT, null, 10.0,
								List.of(new VariantDefinition("a", 1, null)), true,
								new Bucketing(BucketingScheme.DEFAULT, "sessionId", null),
								new Bucketing(BucketingScheme.DEFAULT, null, "v"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void readsEveryRuleShape(String yaml, Rule expected) {
		assertThat(flag("{ variants: { blue: 1 }, rules: [ " + yaml + " ] }").rules()).containsExactly(expected);
	}

	@Test
	void readsTheFullExample() {
		FeatureSet set = FeatureDocuments.parse(Documents.read("full-example.yml"), "full-example.yml");
		assertThat(set.segments()).containsOnlyKeys("eu-premium", "staff");
		assertThat(set.segments().get("eu-premium")).containsExactly(attr("region", Operator.IN, "DE", "RO"),
				new Condition.Attribute("accountType", Operator.IN, List.of("premium", "enterprise"), true, false));
		assertThat(set.features()).containsOnlyKeys("new-checkout", "new-ui", "payments-v2", "legacy-cart");
		FeatureDefinition checkout = set.features().get("new-checkout");
		assertThat(checkout.rules()).hasSize(4);
		assertThat(checkout.rules().get(0).name()).isEqualTo("staff-first");
		assertThat(checkout.rules().get(1).when()).containsExactly(new Condition.Segment("eu-premium", false),
				new Condition.Attribute("country", Operator.EQUALS, List.of("GB"), false, true));
		assertThat(checkout.variants().get(1).value())
			.isEqualTo(FeatureValue.of(json("{\"steps\":1,\"theme\":\"dark\"}")));
		assertThat(checkout.schedule())
			.isEqualTo(new Schedule(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2027-05-31T22:00:00Z")));
		assertThat(set.features().get("legacy-cart").killed()).isNotNull();
	}

	@Test
	void keepsDocumentOrderOfFlagsAndSegments() {
		FeatureSet set = FeatureDocuments.parse("version: 1\nfeatures:\n  z: {}\n  a: {}\n  m: {}\n", "test");
		assertThat(set.features().keySet()).containsExactly("z", "a", "m");
	}

	@Test
	void readsADocumentWithoutFeatures() {
		assertThat(FeatureDocuments.parse("version: 1\n", "test")).isEqualTo(FeatureSet.EMPTY);
	}

}
