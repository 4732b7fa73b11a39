package io.flagstaff.openfeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.model.FeatureDefinition;

/**
 * Which flags changed between two snapshots: added, removed, redefined, or forced
 * differently by the overrides. Computed by comparing the definitions, so a store that
 * reports its changed keys itself can replace this one method. Stateless.
 */
final class ChangedKeys {

	private ChangedKeys() {
	}

	/**
	 * Returns the keys that changed.
	 * @param previous the snapshot before the swap
	 * @param next the snapshot after it
	 * @param previousOverrides the overrides before ({@code on}, {@code off} or a variant
	 * by key)
	 * @param nextOverrides the overrides after
	 * @return the keys of {@code next} that are new or differ, in its order, then the
	 * keys it no longer has
	 */
	static List<String> between(FeatureSnapshot previous, FeatureSnapshot next, Map<String, String> previousOverrides,
			Map<String, String> nextOverrides) {
		Map<String, FeatureDefinition> before = previous.featureSet().features();
		Map<String, FeatureDefinition> after = next.featureSet().features();
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, FeatureDefinition> entry : after.entrySet()) {
			String key = entry.getKey();
			if (!entry.getValue().equals(before.get(key))
					|| !Objects.equals(previousOverrides.get(key), nextOverrides.get(key))) {
				changed.add(key);
			}
		}
		for (String key : before.keySet()) {
			if (!after.containsKey(key)) {
				changed.add(key);
			}
		}
		return changed;
	}

}
