package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final EvaluationRuntime runtime = Evaluations.runtime(Clock.fixed(NOW, ZoneOffset.UTC), "production");

	/**
	 * Operator | operands separated by {@code |} | ignore case | attribute value |
	 * expected.
	 */
	@ParameterizedTest(name = "{0} {1} (ignoreCase={2}) on ''{3}'' -> {4}")
	@CsvSource(delimiter = ';', value = { "equals; DE; false; DE; true", "equals; DE; false; de; false",
			"equals; DE; true; de; true", "in; DE|RO; false; RO; true", "in; DE|RO; false; FR; false",
			"in; DE|RO; true; ro; true", "in; A|B|C|D|E|F|G|H|I|DE|RO; false; RO; true",
			"in; A|B|C|D|E|F|G|H|I|DE|RO; false; FR; false", "in; A|B|C|D|E|F|G|H|I|DE|RO|RO; true; ro; true",
			"notIn; A|B|C|D|E|F|G|H|I|DE|RO; false; FR; true", "notIn; A|B|C|D|E|F|G|H|I|DE|RO; false; DE; false",
			"notIn; DE|RO; false; FR; true", "notIn; DE|RO; false; DE; false", "notIn; DE|RO; true; de; false",
			"contains; acme; false; bob@acme.io; true", "contains; ACME; false; bob@acme.io; false",
			"contains; ACME; true; bob@acme.io; true", "startsWith; admin-|ops-; false; ops-bob; true",
			"startsWith; Admin-; true; admin-bob; true", "startsWith; admin-; false; bob; false",
			"endsWith; @acme.io; false; bob@acme.io; true", "endsWith; @ACME.IO; true; bob@acme.io; true",
			"endsWith; @acme.io; false; io; false", "regex; ^[a-z]+@acme\\.io$; false; bob@acme.io; true",
			"regex; acme; false; bob@acme.io; true", "regex; ^acme; false; bob@acme.io; false",
			"eq; 42; false; 42.0; true", "eq; 42; false; 41; false", "lt; 10; false; 9.5; true",
			"lt; 10; false; 10; false", "lte; 10; false; 10; true", "gt; -1; false; 0; true",
			"gt; 1e3; false; 999; false", "gte; 18; false; 18; true", "gte; 18; false; not-a-number; false",
			"semverEq; 4.2.0; false; v4.2.0; true", "semverLt; 4.2.0; false; 4.2.0-rc.1; true",
			"semverLt; 4.2.0-rc.2; false; 4.2.0-rc.10; false", "semverGt; 4.2.0-alpha; false; 4.2.0-alpha.1; true",
			"semverLt; 4.2.0-beta; false; 4.2.0-alpha.beta; true", "semverLt; 4.2.0-rc.1; false; 4.2.0-1; true",
			"semverGt; 4.2.0; false; 4.10.0; true", "semverGte; 4.2.0; false; 4.2.0+build.7; true",
			"semverLte; 4.2.0; false; 4.2.1; false", "semverGt; 4.2.0; false; 4.2; false",
			"before; 2026-12-01T00:00:00Z; false; 2026-11-30T23:59:59Z; true",
			"before; 2026-12-01T00:00:00Z; false; 2026-12-01T02:00:00+01:00; false",
			"after; 2026-12-01; false; 2026-12-01T00:00:01Z; true", "after; 2026-12-01; false; yesterday; false",
			"inCidr; 10.0.0.0/8; false; 10.20.30.40; true", "inCidr; 10.0.0.0/8; false; 11.0.0.1; false",
			"inCidr; 192.168.1.0/24|10.0.0.0/8; false; 192.168.1.255; true",
			"inCidr; 2001:db8::/32; false; 2001:db8:1::7; true", "inCidr; 2001:db8::/32; false; 2001:db9::1; false",
			"inCidr; ::ffff:0:0/96; false; ::ffff:10.0.0.1; true", "inCidr; 10.0.0.0/8; false; ::1; false",
			"inCidr; 10.1.2.3; false; 10.1.2.3; true", "inCidr; 10.0.0.0/8; false; example.org; false",
			"exists; true; false; anything; true", "exists; false; false; anything; false",
			"isTrue; ; false; TRUE; true", "isTrue; ; false; yes; false", "isFalse; ; false; false; true",
			"isFalse; ; false; true; false" })
	void operatorMatchesItsAttribute(String operatorName, String operands, boolean ignoreCase, String value,
			boolean expected) {
		Operator operator = Operator.fromConfigName(operatorName);
		List<String> values = (operands == null) ? List.of() : Arrays.asList(operands.split("\\|"));
		FeatureContext context = FeatureContext.builder().userId("u").attribute("a", value).build();
		Condition plain = new Condition.Attribute("a", operator, values, ignoreCase, false);
		Condition negated = new Condition.Attribute("a", operator, values, ignoreCase, true);
		assertThat(Evaluations.matches(plain, context, this.runtime)).isEqualTo(expected);
		assertThat(Evaluations.matches(negated, context, this.runtime)).isEqualTo(!expected);
	}

	@ParameterizedTest
	@EnumSource(value = Operator.class, mode = EnumSource.Mode.EXCLUDE, names = "EXISTS")
	void aMissingAttributeNeverMatchesAndNegationTurnsThatIntoAMatch(Operator operator) {
		List<String> values = switch (operator) {
			case IS_TRUE, IS_FALSE -> List.of();
			case NUM_EQ, LT, LTE, GT, GTE -> List.of("1");
			case SEMVER_EQ, SEMVER_LT, SEMVER_LTE, SEMVER_GT, SEMVER_GTE -> List.of("1.0.0");
			case BEFORE, AFTER -> List.of("2026-01-01T00:00:00Z");
			case IN_CIDR -> List.of("10.0.0.0/8");
			default -> List.of("x");
		};
		FeatureContext context = FeatureContext.builder().userId("u").attribute("other", "x").build();
		assertThat(Evaluations.matches(new Condition.Attribute("a", operator, values, false, false), context,
				this.runtime))
			.isFalse();
		assertThat(
				Evaluations.matches(new Condition.Attribute("a", operator, values, false, true), context, this.runtime))
			.isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "true, true, false", "false, false, true" })
	void existsTellsPresenceFromAbsence(String operand, boolean whenPresent, boolean whenAbsent) {
		Condition condition = Evaluations.when("a", Operator.EXISTS, operand);
		assertThat(Evaluations.matches(condition, FeatureContext.builder().attribute("a", "").build(), this.runtime))
			.isEqualTo(whenPresent);
		assertThat(Evaluations.matches(condition, FeatureContext.ofUser("u"), this.runtime)).isEqualTo(whenAbsent);
	}

	@Test
	void theWildcardExistsOnlyForContextsThatIdentifySomeone() {
		Condition empty = Evaluations.when("*", Operator.EXISTS, "false");
		assertThat(Evaluations.matches(empty, FeatureContext.empty(), this.runtime)).isTrue();
		assertThat(Evaluations.matches(empty, FeatureContext.builder().environment("staging").build(), this.runtime))
			.isTrue();
		assertThat(Evaluations.matches(empty, FeatureContext.ofUser("u"), this.runtime)).isFalse();
		assertThat(Evaluations.matches(empty, FeatureContext.builder().sessionId("s").build(), this.runtime)).isFalse();
		assertThat(Evaluations.matches(empty, FeatureContext.builder().attribute("region", "DE").build(), this.runtime))
			.isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "before, 2026-11-22T12:00:01Z, true", "before, 2026-11-22T12:00:00Z, false",
			"after, 2026-11-22T11:59:59Z, true", "after, 2026-11-22T12:00:00Z, false" })
	void currentTimeComparesTheClock(String operator, String operand, boolean expected) {
		Condition condition = Evaluations.when("currentTime", Operator.fromConfigName(operator), operand);
		assertThat(Evaluations.matches(condition, FeatureContext.empty(), this.runtime)).isEqualTo(expected);
	}

	@Test
	void currentTimePrefersTheContextTime() {
		Condition condition = Evaluations.when("currentTime", Operator.AFTER, "2030-01-01T00:00:00Z");
		FeatureContext future = FeatureContext.builder().currentTime(Instant.parse("2030-06-01T00:00:00Z")).build();
		assertThat(Evaluations.matches(condition, FeatureContext.empty(), this.runtime)).isFalse();
		assertThat(Evaluations.matches(condition, future, this.runtime)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "userId, u-1, true", "sessionId, s-1, true", "environment, production, true",
			"environment, staging, false" })
	void specialAttributesReadTheContextFields(String attribute, String operand, boolean expected) {
		FeatureContext context = FeatureContext.builder().userId("u-1").sessionId("s-1").build();
		assertThat(Evaluations.matches(Evaluations.when(attribute, Operator.EQUALS, operand), context, this.runtime))
			.isEqualTo(expected);
	}

	@Test
	void theContextEnvironmentWinsOverTheDefault() {
		FeatureContext staging = FeatureContext.builder().environment("staging").build();
		assertThat(
				Evaluations.matches(Evaluations.when("environment", Operator.EQUALS, "staging"), staging, this.runtime))
			.isTrue();
	}

	@Test
	void segmentsAreReusedAndCanBeNegated() {
		Map<String, List<Condition>> segments = Map.of("eu-premium",
				List.of(Evaluations.when("region", Operator.IN, "DE", "RO"),
						Evaluations.when("accountType", Operator.IN, "premium", "enterprise")));
		FeatureDefinition inSegment = FeatureDefinition.builder("in")
			.rule(Rule.serve(List.of(new Condition.Segment("eu-premium", false)), true))
			.rollout(0.0)
			.build();
		FeatureDefinition outside = FeatureDefinition.builder("out")
			.rule(Rule.serve(List.of(new Condition.Segment("eu-premium", true)), true))
			.rollout(0.0)
			.build();
		CompiledSnapshot snapshot = Evaluations
			.compile(new FeatureSet(segments, Map.of("in", inSegment, "out", outside)), this.runtime);
		FeatureContext premium = FeatureContext.builder()
			.attribute("region", "DE")
			.attribute("accountType", "premium")
			.build();
		FeatureContext free = FeatureContext.builder()
			.attribute("region", "DE")
			.attribute("accountType", "free")
			.build();
		assertThat(snapshot.isEnabled("in", premium)).isTrue();
		assertThat(snapshot.isEnabled("out", premium)).isFalse();
		assertThat(snapshot.isEnabled("in", free)).isFalse();
		assertThat(snapshot.isEnabled("out", free)).isTrue();
	}

}
