package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.flagstaff.FeatureContext;
import io.flagstaff.Reason;
import io.flagstaff.config.Limits;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation answers, and never throws, for contexts at the edges: times no epoch
 * millisecond holds, values longer than the regex input budget.
 */
class ExtremeContextTests {

	private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

	private final EvaluationRuntime runtime = Evaluations
		.runtime(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), "production");

	static Stream<Arguments> schedules() {
		return Stream.of(Arguments.of(Instant.MAX, FROM, null, true), Arguments.of(Instant.MAX, null, UNTIL, false),
				Arguments.of(Instant.MAX, FROM, UNTIL, false), Arguments.of(Instant.MIN, FROM, null, false),
				Arguments.of(Instant.MIN, null, UNTIL, true), Arguments.of(Instant.MIN, FROM, UNTIL, false),
				Arguments.of(Limits.MAX_INSTANT, FROM, null, true), Arguments.of(Limits.MIN_INSTANT, null, UNTIL, true),
				Arguments.of(Instant.ofEpochSecond(Long.MAX_VALUE / 1000), FROM, null, true));
	}

	@ParameterizedTest(name = "{0} in [{1}, {2})")
	@MethodSource("schedules")
	void aTimeBeyondAnyScheduleIsOutsideItsClosedEndsAndInsideItsOpenOnes(Instant now, Instant from, Instant until,
			boolean on) {
		CompiledSnapshot snapshot = Evaluations.compile(
				FeatureSet.of(FeatureDefinition.builder("f").schedule(new Schedule(from, until)).build()),
				this.runtime);
		FeatureContext context = FeatureContext.builder().userId("u").currentTime(now).build();
		assertThat(snapshot.isEnabled("f", context)).isEqualTo(on);
		assertThat(snapshot.evaluate("f", context).reason()).isEqualTo(on ? Reason.DEFAULT : Reason.SCHEDULE);
	}

	@Test
	void dateConditionsCompareTimesBeyondEpochMilliseconds() {
		Condition before = new Condition.Attribute("currentTime", Operator.BEFORE, List.of("2026-01-01T00:00:00Z"),
				false, false);
		FeatureContext max = FeatureContext.builder().currentTime(Instant.MAX).build();
		FeatureContext min = FeatureContext.builder().currentTime(Instant.MIN).build();
		assertThat(Evaluations.matches(before, max, this.runtime)).isFalse();
		assertThat(Evaluations.matches(before, min, this.runtime)).isTrue();
	}

	@Test
	void aValueLongerThanTheRegexBudgetDoesNotMatchAndItsNegationDoes() {
		String within = "a".repeat(Limits.MAX_REGEX_INPUT_CHARS);
		String beyond = within + "a";
		Condition regex = Evaluations.when("userAgent", Operator.REGEX, "^a+$");
		Condition negated = new Condition.Attribute("userAgent", Operator.REGEX, List.of("^a+$"), false, true);
		assertThat(Evaluations.matches(regex, agent(within), this.runtime)).isTrue();
		assertThat(Evaluations.matches(regex, agent(beyond), this.runtime)).isFalse();
		assertThat(Evaluations.matches(negated, agent(beyond), this.runtime)).isTrue();
	}

	private static FeatureContext agent(String userAgent) {
		return FeatureContext.builder().userId("u").attribute("userAgent", userAgent).build();
	}

	@Test
	void aChainOfPrerequisitesAtTheBudgetEvaluates() {
		FeatureDefinition[] chain = new FeatureDefinition[Limits.MAX_PREREQUISITE_DEPTH + 1];
		for (int i = 0; i < Limits.MAX_PREREQUISITE_DEPTH; i++) {
			chain[i] = FeatureDefinition.builder("f" + i).requires(List.of(Prerequisite.on("f" + (i + 1)))).build();
		}
		chain[Limits.MAX_PREREQUISITE_DEPTH] = FeatureDefinition.builder("f" + Limits.MAX_PREREQUISITE_DEPTH).build();
		CompiledSnapshot snapshot = Evaluations.compile(FeatureSet.of(chain), this.runtime);
		assertThat(snapshot.isEnabled("f0", FeatureContext.ofUser("u"))).isTrue();
	}

}
