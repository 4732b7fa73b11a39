package io.flagstaff.junit;

import java.util.List;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;

/**
 * Checks forced states against the flags a {@code Flagstaff} knows, with messages that
 * name the place, the closest known names and the fix.
 */
final class FlagChecks {

	private FlagChecks() {
	}

	/**
	 * Checks that a flag exists and, for a variant, that the flag defines it.
	 * @param snapshot the snapshot of the {@code Flagstaff} under test
	 * @param key the flag key
	 * @param state the forced state
	 * @return the flag's definition
	 * @throws FeatureNotFoundException when the flag is unknown
	 * @throws IllegalArgumentException when the flag does not define the variant
	 */
	static FeatureDefinition check(FeatureSnapshot snapshot, String key, ForcedState state) {
		FeatureDefinition definition = definition(snapshot, key, state.place());
		if (state.variant()) {
			List<String> variants = definition.variants().stream().map(VariantDefinition::name).toList();
			if (!variants.contains(state.state())) {
				throw new IllegalArgumentException(
						state.place() + " names variant '" + state.state() + "' of flag '" + key + "', which "
								+ (variants.isEmpty() ? "defines no variants" : "defines " + quoted(variants)
										+ "; closest: " + quoted(snapshot.closestVariants(key, state.state(), 3))));
			}
		}
		return definition;
	}

	/**
	 * Returns a flag's definition.
	 * @param snapshot the snapshot of the {@code Flagstaff} under test
	 * @param key the flag key
	 * @param place where the key was named
	 * @return the definition
	 * @throws FeatureNotFoundException when the flag is unknown
	 */
	static FeatureDefinition definition(FeatureSnapshot snapshot, String key, String place) {
		FeatureDefinition definition = snapshot.definition(key);
		if (definition == null) {
			throw unknownFlag(key, place, snapshot);
		}
		return definition;
	}

	static FeatureNotFoundException unknownFlag(String key, String place, FeatureSnapshot snapshot) {
		String closest = snapshot.featureKeys().isEmpty() ? "The Flagstaff under test has no flags at all"
				: "Closest known flags: " + quoted(snapshot.closestKeys(key, 3));
		return new FeatureNotFoundException(key, place + " names unknown flag '" + key + "'. " + closest
				+ ". Fix the name, or add the flag to the configuration the Flagstaff under test reads.");
	}

	private static String quoted(List<String> names) {
		return String.join(", ", names.stream().map((name) -> "'" + name + "'").toList());
	}

}
