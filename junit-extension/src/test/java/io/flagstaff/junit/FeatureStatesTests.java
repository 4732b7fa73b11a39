package io.flagstaff.junit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeatureStatesTests {

	private final FeatureStates states = new FeatureStates(ordered("b", "off", "a", "on", "layout", "one-page"));

	@ParameterizedTest
	@CsvSource({ "a, on, true, ", "b, off, false, ", "layout, one-page, true, one-page" })
	void readsEachState(String key, String state, boolean enabled, String variant) {
		assertThat(this.states.state(key)).isEqualTo(state);
		assertThat(this.states.isEnabled(key)).isEqualTo(enabled);
		assertThat(this.states.variant(key)).isEqualTo(variant);
	}

	@Test
	void printsAsADisplayNameInDeclarationOrder() {
		assertThat(this.states).hasToString("[b=off, a=on, layout=one-page]");
		assertThat(this.states.keys()).containsExactly("b", "a", "layout");
	}

	@Test
	void aFlagThatIsNotForcedIsRejectedNamingTheForcedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.states.isEnabled("c"))
			.withMessageContaining("'c'")
			.withMessageContaining("[b, a, layout]");
	}

	@Test
	void isImmutable() {
		Map<String, String> source = ordered("a", "on");
		FeatureStates copy = new FeatureStates(source);
		source.put("b", "off");

		assertThat(copy.keys()).containsExactly("a");
	}

	private static Map<String, String> ordered(String... keysAndStates) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndStates.length; i += 2) {
			map.put(keysAndStates[i], keysAndStates[i + 1]);
		}
		return map;
	}

}
