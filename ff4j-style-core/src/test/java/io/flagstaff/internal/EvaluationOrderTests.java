package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Reason;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
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

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationOrderTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private static final FeatureContext ALICE = FeatureContext.builder()
		.userId("alice")
		.attribute("region", "DE")
		.build();

	private static final Condition DE = Evaluations.when("region", Operator.EQUALS, "DE");

	private static final Condition FR = Evaluations.when("region", Operator.EQUALS, "FR");

	private final EvaluationRuntime runtime = Evaluations.runtime(Clock.fixed(NOW, ZoneOffset.UTC), "production");

	static Stream<Arguments> order() {
		return Stream.of(row("on by default", (f) -> f, ALICE, true, Reason.DEFAULT, null),
				row("kill wins over everything in the store",
						(f) -> f.killed(new Kill("health-guard", "errors", NOW)).allow(List.of("alice")), ALICE, false,
						Reason.KILLED, null),
				row("disabled wins over allow", (f) -> f.enabled(false).allow(List.of("alice")), ALICE, false,
						Reason.DISABLED, null),
				row("environment not listed", (f) -> f.environments(List.of("staging")), ALICE, false,
						Reason.ENVIRONMENT, null),
				row("environment listed (default environment)", (f) -> f.environments(List.of("production")), ALICE,
						true, Reason.DEFAULT, null),
				row("context environment wins", (f) -> f.environments(List.of("production")),
						ALICE.toBuilder().environment("staging").build(), false, Reason.ENVIRONMENT, null),
				row("before the schedule", (f) -> f.schedule(new Schedule(NOW.plusSeconds(1), null)), ALICE, false,
						Reason.SCHEDULE, null),
				row("from is inclusive", (f) -> f.schedule(new Schedule(NOW, null)), ALICE, true, Reason.DEFAULT, null),
				row("until is exclusive", (f) -> f.schedule(new Schedule(null, NOW)), ALICE, false, Reason.SCHEDULE,
						null),
				row("context time drives the schedule", (f) -> f.schedule(new Schedule(null, NOW)),
						ALICE.toBuilder().currentTime(NOW.minusSeconds(1)).build(), true, Reason.DEFAULT, null),
				row("prerequisite off", (f) -> f.requires(List.of(Prerequisite.on("parent-off"))), ALICE, false,
						Reason.PREREQUISITE, null),
				row("prerequisite on", (f) -> f.requires(List.of(Prerequisite.on("parent-on"))), ALICE, true,
						Reason.DEFAULT, null),
				row("deny wins over allow", (f) -> f.deny(List.of("alice")).allow(List.of("alice")), ALICE, false,
						Reason.DENIED, null),
				row("allow wins over rules", (f) -> f.allow(List.of("alice")).rule(Rule.serve(List.of(DE), false)),
						ALICE, true, Reason.ALLOWED, null),
				row("first matching rule decides",
						(f) -> f.rule(Rule.serve(List.of(FR), false))
							.rule(Rule.serve(List.of(DE), false))
							.rule(Rule.serve(List.of(DE), true)),
						ALICE, false, Reason.RULE_MATCH, "rules[1]"),
				row("named rule",
						(f) -> f
							.rule(new Rule("germany", List.of(DE), Rule.Serve.ON, null, null, List.of(), false, null)),
						ALICE, true, Reason.RULE_MATCH, "germany"),
				row("rule rollout at 0 serves off", (f) -> f.rule(Rule.rollout(List.of(DE), 0)), ALICE, false,
						Reason.RULE_MATCH, "rules[0]"),
				row("fallthrough rollout continues",
						(f) -> f.rule(new Rule(null, List.of(DE), Rule.Serve.ROLLOUT, null, 0.0, List.of(), true, null))
							.rule(Rule.serve(List.of(DE), true)),
						ALICE, true, Reason.RULE_MATCH, "rules[1]"),
				row("fallthrough to the default rollout",
						(f) -> f
							.rule(new Rule(null, List.of(DE), Rule.Serve.ROLLOUT, null, 0.0, List.of(), true, null)),
						ALICE, true, Reason.DEFAULT, null),
				row("no rule matches, default rollout 0", (f) -> f.rule(Rule.serve(List.of(FR), true)).rollout(0.0),
						ALICE, false, Reason.ROLLOUT, null),
				row("default rollout 100 is DEFAULT", (f) -> f.rollout(100.0), ALICE, true, Reason.DEFAULT, null),
				row("partial rollout without a user", (f) -> f.rollout(99.99), FeatureContext.empty(), false,
						Reason.ROLLOUT, null));
	}

	private static Arguments row(String name, UnaryOperator<FeatureDefinition.Builder> flag, FeatureContext context,
			boolean enabled, Reason reason, String rule) {
		return Arguments.of(name, flag, context, enabled, reason, rule);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("order")
	void followsTheEvaluationOrder(String name, UnaryOperator<FeatureDefinition.Builder> flag, FeatureContext context,
			boolean enabled, Reason reason, String rule) {
		FeatureSet set = FeatureSet.of(flag.apply(FeatureDefinition.builder("flag")).build(),
				FeatureDefinition.builder("parent-on").build(),
				FeatureDefinition.builder("parent-off").enabled(false).build());
		Evaluation evaluation = Evaluations.compile(set, this.runtime).evaluate("flag", context);
		assertThat(evaluation.enabled()).isEqualTo(enabled);
		assertThat(evaluation.reason()).isEqualTo(reason);
		assertThat(evaluation.rule()).isEqualTo(rule);
		assertThat(evaluation.snapshotVersion()).isEqualTo(1);
	}

	@Test
	void aFlagWithEnvironmentsIsOffWhenNoEnvironmentIsKnown() {
		EvaluationRuntime noEnvironment = new EvaluationRuntime(null, Clock.fixed(NOW, ZoneOffset.UTC), false,
				new CoarseClock(Clock.systemUTC()), null, true);
		FeatureSet set = FeatureSet.of(FeatureDefinition.builder("flag").environments(List.of("production")).build());
		assertThat(Evaluations.compile(set, noEnvironment).evaluate("flag", ALICE).reason())
			.isEqualTo(Reason.ENVIRONMENT);
	}

	@Test
	void aRuleNamingAVariantServesItAndOtherwiseTheVariantFollowsTheWeights() {
		FeatureDefinition flag = FeatureDefinition.builder("flag")
			.variants(List.of(new VariantDefinition("control", 1, null),
					new VariantDefinition("treatment", 0, FeatureValue.of(true))))
			.rule(Rule.variant(List.of(DE), "treatment"))
			.build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flag), this.runtime);
		Evaluation german = snapshot.evaluate("flag", ALICE);
		assertThat(german.variant()).isEqualTo("treatment");
		assertThat(german.value()).isEqualTo(FeatureValue.of(true));
		assertThat(snapshot.variant("flag", FeatureContext.ofUser("bob"))).isEqualTo("control");
		assertThat(snapshot.getBoolean("flag", ALICE, false)).isTrue();
	}

	@Test
	void ruleVariantsReplaceTheFlagVariantsForUsersTheRuleTurnsOn() {
		FeatureDefinition flag = FeatureDefinition.builder("flag")
			.variants(List.of(new VariantDefinition("control", 1, null)))
			.rule(new Rule(null, List.of(DE), Rule.Serve.ON, null, null,
					List.of(new VariantDefinition("eu-layout", 1, FeatureValue.of("eu"))), false, null))
			.build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flag), this.runtime);
		assertThat(snapshot.variant("flag", ALICE)).isEqualTo("eu-layout");
		assertThat(snapshot.getString("flag", ALICE, "default")).isEqualTo("eu");
		assertThat(snapshot.variant("flag", FeatureContext.ofUser("bob"))).isEqualTo("control");
	}

	@Test
	void variantOverridesForceAVariantWhateverTheWeights() {
		FeatureDefinition flag = FeatureDefinition.builder("flag")
			.variants(List.of(new VariantDefinition("control", 1, null),
					new VariantDefinition("beta", 0, null, List.of(FR, DE))))
			.build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flag), this.runtime);
		assertThat(snapshot.variant("flag", ALICE)).isEqualTo("beta");
		assertThat(snapshot.variant("flag", FeatureContext.ofUser("bob"))).isEqualTo("control");
	}

	@Test
	void aRuleBucketingOverridesTheFlagBucketing() {
		Bucketing bySession = new Bucketing(BucketingScheme.DEFAULT, "sessionId", null);
		FeatureDefinition flag = FeatureDefinition.builder("flag")
			.rule(new Rule(null, List.of(), Rule.Serve.ROLLOUT, null, 100.0, List.of(), false, bySession))
			.build();
		FeatureDefinition partial = FeatureDefinition.builder("partial")
			.rule(new Rule(null, List.of(), Rule.Serve.ROLLOUT, null, 99.99, List.of(), false, bySession))
			.build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flag, partial), this.runtime);
		assertThat(snapshot.isEnabled("flag", FeatureContext.ofUser("u"))).isTrue();
		assertThat(snapshot.isEnabled("partial", FeatureContext.ofUser("u"))).isFalse();
		long onBySession = java.util.stream.IntStream.range(0, 200)
			.filter((i) -> snapshot.isEnabled("partial", FeatureContext.builder().sessionId("s" + i).build()))
			.count();
		assertThat(onBySession).isGreaterThan(190);
	}

	@Test
	void allowAndDenyMatchTheBucketingAttribute() {
		FeatureDefinition flag = FeatureDefinition.builder("flag")
			.bucketing(new Bucketing(BucketingScheme.DEFAULT, "accountId", null))
			.allow(List.of("acct-1"))
			.rollout(0.0)
			.build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(flag), this.runtime);
		assertThat(
				snapshot.evaluate("flag", FeatureContext.builder().attribute("accountId", "acct-1").build()).reason())
			.isEqualTo(Reason.ALLOWED);
		assertThat(snapshot.isEnabled("flag", FeatureContext.ofUser("acct-1"))).isFalse();
	}

}
