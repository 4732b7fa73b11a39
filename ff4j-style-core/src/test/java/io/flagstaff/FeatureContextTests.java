package io.flagstaff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureContextTests {

	@Test
	void theEmptyContextCanBeExtended() {
		FeatureContext extended = FeatureContext.empty().toBuilder().attribute("region", "DE").userId("u-1").build();
		assertThat(extended.customAttribute("region")).isEqualTo("DE");
		assertThat(extended.userId()).isEqualTo("u-1");
		assertThat(FeatureContext.empty().isEmpty()).isTrue();
	}

	@Test
	void contextsWithTheSameValuesAreEqualWhateverTheAttributeOrder() {
		FeatureContext one = FeatureContext.builder().userId("u-1").attribute("a", "1").attribute("b", "2").build();
		FeatureContext other = FeatureContext.builder().userId("u-1").attribute("b", "2").attribute("a", "1").build();
		assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
		assertThat(one.hashCode()).isEqualTo(java.util.Objects.hash("u-1", null, null, null, one.attributes()));
	}

	@Test
	void contextsThatDifferInOneAttributeAreNotEqual() {
		FeatureContext one = FeatureContext.builder().attribute("a", "1").attribute("b", "2").build();
		assertThat(one).isNotEqualTo(FeatureContext.builder().attribute("a", "1").attribute("b", "3").build())
			.isNotEqualTo(FeatureContext.builder().attribute("a", "1").build())
			.isNotEqualTo(FeatureContext.builder().attribute("a", "1").attribute("c", "2").build());
	}

}
