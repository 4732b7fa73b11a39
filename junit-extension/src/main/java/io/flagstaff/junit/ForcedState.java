package io.flagstaff.junit;

import java.util.Objects;

import io.flagstaff.FeatureOverrides;
import org.jspecify.annotations.Nullable;

/**
 * One forced state of one flag and where it was declared, for error messages.
 *
 * @param state {@code "on"}, {@code "off"} or a variant name
 * @param variant whether {@code state} names a variant
 * @param place where the state was declared, for example
 * {@code @EnableFeatures on CheckoutTests.pays()}
 */
record ForcedState(String state, boolean variant, String place) {

	ForcedState {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(place, "place");
	}

	static ForcedState on(String place) {
		return new ForcedState(FeatureStates.ON, false, place);
	}

	static ForcedState off(String place) {
		return new ForcedState(FeatureStates.OFF, false, place);
	}

	static ForcedState variant(String variant, String place) {
		return new ForcedState(variant, true, place);
	}

	/**
	 * Reads a state as {@link FeatureOverrides#current()} reports it.
	 * @param current the reported state
	 * @param place where it came from
	 * @return the state
	 */
	static ForcedState fromOverride(String current, String place) {
		return switch (current) {
			case FeatureStates.ON -> on(place);
			case FeatureStates.OFF -> off(place);
			default -> variant(current, place);
		};
	}

	void applyTo(FeatureOverrides overrides, String key) {
		if (this.variant) {
			overrides.forceVariant(key, this.state);
		}
		else {
			overrides.force(key, FeatureStates.ON.equals(this.state));
		}
	}

	boolean sameStateAs(@Nullable ForcedState other) {
		return other != null && this.variant == other.variant && this.state.equals(other.state);
	}

}
