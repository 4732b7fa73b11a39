package io.flagstaff.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole configuration: named segments and flags, in document order. Immutable.
 *
 * @param segments named lists of conditions reused across flags
 * @param features flags by key
 */
public record FeatureSet(Map<String, List<Condition>> segments, Map<String, FeatureDefinition> features) {

	/** A set without segments or flags. */
	public static final FeatureSet EMPTY = new FeatureSet(Map.of(), Map.of());

	public FeatureSet {
		Map<String, List<Condition>> copiedSegments = new LinkedHashMap<>();
		segments.forEach((name, conditions) -> copiedSegments.put(name, List.copyOf(conditions)));
		segments = Collections.unmodifiableMap(copiedSegments);
		Map<String, FeatureDefinition> copiedFeatures = new LinkedHashMap<>((int) (features.size() / 0.75f) + 1);
		features.forEach((key, feature) -> {
			if (!key.equals(feature.key())) {
				throw new IllegalArgumentException(
						"feature stored under '" + key + "' has key '" + feature.key() + "'");
			}
			copiedFeatures.put(key, feature);
		});
		features = Collections.unmodifiableMap(copiedFeatures);
	}

	/**
	 * Creates a set of flags without segments.
	 * @param features the flags
	 * @return the set, in the given order
	 */
	public static FeatureSet of(FeatureDefinition... features) {
		Map<String, FeatureDefinition> map = new LinkedHashMap<>();
		for (FeatureDefinition feature : features) {
			map.put(feature.key(), feature);
		}
		return new FeatureSet(Map.of(), map);
	}

	/**
	 * Returns a copy with one flag added or replaced.
	 * @param feature the flag
	 * @return the new set
	 */
	public FeatureSet with(FeatureDefinition feature) {
		Map<String, FeatureDefinition> map = new LinkedHashMap<>(this.features);
		map.put(feature.key(), feature);
		return new FeatureSet(this.segments, map);
	}

	/**
	 * Returns a copy without one flag.
	 * @param key the flag key
	 * @return the new set (this set when the flag is absent)
	 */
	public FeatureSet without(String key) {
		if (!this.features.containsKey(key)) {
			return this;
		}
		Map<String, FeatureDefinition> map = new LinkedHashMap<>(this.features);
		map.remove(key);
		return new FeatureSet(this.segments, map);
	}

}
