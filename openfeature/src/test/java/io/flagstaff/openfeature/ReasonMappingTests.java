package io.flagstaff.openfeature;

import java.util.stream.Stream;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flagstaff's reasons map to OpenFeature's as docs/openfeature.md's table says.
 */
class ReasonMappingTests {

	private final Fixture fixture = Fixture.create((builder) -> builder.environment("production"),
			(builder) -> builder);

	@AfterEach
	void close() {
		this.fixture.close();
	}

	static Stream<Arguments> reasons() {
		EvaluationContext nobody = ImmutableContext.EMPTY;
		return Stream.of(Arguments.of("plain", nobody, true, "STATIC"),
				Arguments.of("none", Fixture.user("u-1"), false, "STATIC"),
				Arguments.of("off", nobody, false, "DISABLED"), Arguments.of("killed-flag", nobody, false, "DISABLED"),
				Arguments.of("staging-only", nobody, false, "DISABLED"),
				Arguments.of("later", nobody, false, "DISABLED"),
				Arguments.of("vip", Fixture.user("u-1"), true, "TARGETING_MATCH"),
				Arguments.of("vip", Fixture.user("u-9", "region", "DE"), false, "TARGETING_MATCH"),
				Arguments.of("vip", Fixture.user("u-2", "region", "DE"), true, "TARGETING_MATCH"),
				Arguments.of("vip", Fixture.user("u-2", "region", "US"), false, "TARGETING_MATCH"),
				Arguments.of("vip", Fixture.user("u-2", "region", "RO"), null, "SPLIT"),
				Arguments.of("vip", Fixture.user("u-2", "region", "FR"), false, "DEFAULT"),
				Arguments.of("needs-vip", Fixture.user("u-2", "region", "FR"), false, "TARGETING_MATCH"),
				Arguments.of("half", Fixture.user("u-2"), null, "SPLIT"), Arguments.of("half", nobody, false, "SPLIT"));
	}

	@ParameterizedTest(name = "{0} for {1}: {3}")
	@MethodSource("reasons")
	void flagstaffReasonsMapToOpenFeatureReasons(String key, EvaluationContext context, Boolean on, String reason) {
		ProviderEvaluation<Boolean> result = this.fixture.provider.getBooleanEvaluation(key, false, context);
		assertThat(result.getErrorCode()).isNull();
		assertThat(result.getReason()).isEqualTo(reason);
		if (on != null) {
			assertThat(result.getValue()).isEqualTo(on);
		}
	}

	@Test
	void aWeightedVariantIsASplitAndARuleNamingTheVariantATargetingMatch() {
		assertThat(this.fixture.provider.getStringEvaluation("layout", "x", Fixture.user("u-1")).getReason())
			.isEqualTo("SPLIT");
		ProviderEvaluation<String> gold = this.fixture.provider.getStringEvaluation("theme", "x",
				Fixture.user("u-1", "plan", "gold"));
		assertThat(gold.getReason()).isEqualTo("TARGETING_MATCH");
		assertThat(gold.getValue()).isEqualTo("light");
		ProviderEvaluation<String> others = this.fixture.provider.getStringEvaluation("theme", "x",
				Fixture.user("u-1"));
		assertThat(others.getReason()).isEqualTo("DEFAULT");
		assertThat(others.getValue()).isEqualTo("dark");
	}

	@Test
	void aForcedStateIsStaticAndAForcedOnWithWeightedVariantsASplit() {
		this.fixture.flagstaff.overrides().forceVariant("layout", "two-page");
		assertThat(this.fixture.provider.getStringEvaluation("layout", "x", Fixture.user("u-1")).getReason())
			.isEqualTo("STATIC");
		this.fixture.flagstaff.overrides().force("layout", true);
		assertThat(this.fixture.provider.getStringEvaluation("layout", "x", Fixture.user("u-1")).getReason())
			.isEqualTo("SPLIT");
		this.fixture.flagstaff.overrides().force("vip", true);
		assertThat(this.fixture.provider.getBooleanEvaluation("vip", false, Fixture.user("u-1")).getReason())
			.isEqualTo("STATIC");
	}

	@Test
	void everyUserOfAHalfRolloutIsOnOrOffWithReasonSplitAndAboutHalfAreOn() {
		int on = 0;
		for (int i = 0; i < 2_000; i++) {
			ProviderEvaluation<Boolean> result = this.fixture.provider.getBooleanEvaluation("half", false,
					Fixture.user("user-" + i));
			assertThat(result.getReason()).isEqualTo("SPLIT");
			on += result.getValue() ? 1 : 0;
		}
		assertThat(on).isBetween(900, 1_100);
	}

}
