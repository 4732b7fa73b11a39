package io.flagstaff.store;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnvironmentOverridesTests {

	private static final FeatureDefinition CHECKOUT = FeatureDefinition.builder("new-checkout")
		.environments(List.of("staging"))
		.rollout(10.0)
		.rule(Rule.serve(List.of(new Condition.Attribute("region", Operator.IN, List.of("DE"), false, false)), false))
		.deny(List.of("u-9"))
		.variants(List.of(new VariantDefinition("control", 50, null),
				new VariantDefinition("discount", 50, FeatureValue.of("10%"))))
		.build();

	private static final FeatureSet SET = FeatureSet.of(CHECKOUT, FeatureDefinition.builder("pricing.v2").build());

	@ParameterizedTest
	@CsvSource({ "new-checkout, FLAGSTAFF_NEW_CHECKOUT", "pricing.v2, FLAGSTAFF_PRICING_V2",
			"Beta-Search.eu, FLAGSTAFF_BETA_SEARCH_EU", "plain, FLAGSTAFF_PLAIN" })
	void variableNamesAreUpperCasedWithDashesAndDotsAsUnderscores(String key, String variable) {
		assertThat(EnvironmentOverrides.variableName(key)).isEqualTo(variable);
	}

	@ParameterizedTest
	@CsvSource({ "on, true", "ON, true", "true, true", "off, false", "false, false", "' off ', false" })
	void onAndOffForceTheFlagForEveryone(String value, boolean enabled) {
		FeatureSet applied = EnvironmentOverrides.of(Map.of("FLAGSTAFF_NEW_CHECKOUT", value)).applyTo(SET);
		FeatureDefinition forced = applied.features().get("new-checkout");
		assertThat(forced.enabled()).isEqualTo(enabled);
		if (enabled) {
			assertThat(forced.rules()).isEmpty();
			assertThat(forced.rollout()).isNull();
			assertThat(forced.environments()).isEmpty();
			assertThat(forced.deny()).isEmpty();
		}
		assertThat(applied.features().get("pricing.v2")).isEqualTo(SET.features().get("pricing.v2"));
	}

	@Test
	void onClearsAKill() {
		FeatureDefinition killed = CHECKOUT.toBuilder()
			.enabled(false)
			.killed(new Kill("health-guard", "errors", java.time.Instant.EPOCH))
			.build();
		FeatureDefinition forced = EnvironmentOverrides.of(Map.of("FLAGSTAFF_NEW_CHECKOUT", "on"))
			.applyTo(FeatureSet.of(killed))
			.features()
			.get("new-checkout");
		assertThat(forced.enabled()).isTrue();
		assertThat(forced.killed()).isNull();
	}

	@Test
	void theVariantFormServesOnlyThatVariant() {
		FeatureDefinition forced = EnvironmentOverrides.of(Map.of("FLAGSTAFF_NEW_CHECKOUT", "variant:discount"))
			.applyTo(SET)
			.features()
			.get("new-checkout");
		assertThat(forced.enabled()).isTrue();
		assertThat(forced.variants()).containsExactly(new VariantDefinition("control", 0, null),
				new VariantDefinition("discount", 1, FeatureValue.of("10%")));
	}

	@Test
	void systemPropertiesWinOverEnvironmentVariables() {
		Properties properties = new Properties();
		properties.setProperty("flagstaff.new-checkout", "off");
		EnvironmentOverrides overrides = EnvironmentOverrides.of(Map.of("FLAGSTAFF_NEW_CHECKOUT", "on"), properties);
		assertThat(overrides.valueFor("new-checkout")).isEqualTo("off");
		assertThat(overrides.applyTo(SET).features().get("new-checkout").enabled()).isFalse();
	}

	@Test
	void variablesNamingNoFlagAreIgnored() {
		EnvironmentOverrides overrides = EnvironmentOverrides
			.of(Map.of("FLAGSTAFF_ENVIRONMENT", "production", "HOME", "/root", "FLAGSTAFF_GHOST", "on"));
		assertThat(overrides.applyTo(SET)).isEqualTo(SET);
	}

	@Test
	void badValuesOfExistingFlagsAreAllReportedWithTheVariableAndTheFix() {
		EnvironmentOverrides overrides = EnvironmentOverrides
			.of(Map.of("FLAGSTAFF_NEW_CHECKOUT", "variant:gold", "FLAGSTAFF_PRICING_V2", "maybe"));
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> overrides.applyTo(SET))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2))
			.withMessageContaining("FLAGSTAFF_NEW_CHECKOUT")
			.withMessageContaining("no variant 'gold'")
			.withMessageContaining("FLAGSTAFF_PRICING_V2")
			.withMessageContaining("must be on, off or variant:<name>, was 'maybe'");
	}

}
