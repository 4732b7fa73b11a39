package io.flagstaff;

import java.util.Map;

/**
 * Forces flags to a state, above everything the store says: for tests and emergencies.
 * Each change recompiles the snapshot, so evaluation costs nothing extra. Thread-safe.
 */
public interface FeatureOverrides {

	/**
	 * Forces a flag on or off for every context.
	 * @param key the flag key; it must exist
	 * @param enabled the forced state
	 * @throws FeatureNotFoundException when no flag has the key
	 */
	void force(String key, boolean enabled);

	/**
	 * Forces a flag on with one variant for every context.
	 * @param key the flag key; it must exist
	 * @param variant the variant; the flag must define it
	 * @throws FeatureNotFoundException when no flag has the key
	 * @throws IllegalArgumentException when the flag has no such variant
	 */
	void forceVariant(String key, String variant);

	/**
	 * Removes the override of one flag.
	 * @param key the flag key
	 */
	void clear(String key);

	/**
	 * Removes every override.
	 */
	void clearAll();

	/**
	 * Returns the current overrides: {@code "on"}, {@code "off"}, or a variant name by
	 * flag key.
	 * @return an unmodifiable copy
	 */
	Map<String, String> current();

}
