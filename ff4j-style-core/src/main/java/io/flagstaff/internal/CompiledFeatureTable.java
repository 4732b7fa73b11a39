package io.flagstaff.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The compiled flags of a snapshot by key, in an open-addressing table (linear probing,
 * at most half full): a lookup reads the key and the flag from two arrays, without the
 * node a {@code HashMap} entry adds. Keys are interned (when their flag is compiled), so
 * a key written as a literal in application code is found by identity, without comparing
 * characters. Immutable and thread-safe once built.
 */
final class CompiledFeatureTable {

	private final String[] keys;

	private final int[] hashes;

	private final CompiledFeature[] features;

	private final int mask;

	CompiledFeatureTable(Map<String, CompiledFeature> features) {
		int capacity = Integer.highestOneBit(Math.max(2, features.size() * 2 - 1)) << 1;
		this.keys = new String[capacity];
		this.hashes = new int[capacity];
		this.features = new CompiledFeature[capacity];
		this.mask = capacity - 1;
		features.forEach((key, feature) -> {
			int hash = spread(key.hashCode());
			int index = hash & this.mask;
			while (this.keys[index] != null) {
				index = (index + 1) & this.mask;
			}
			this.keys[index] = feature.key;
			this.hashes[index] = hash;
			this.features[index] = feature;
		});
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

	/**
	 * Returns the flag with a key.
	 * @param key the key
	 * @return the flag, or {@code null} when none has that key
	 */
	@Nullable CompiledFeature get(String key) {
		int hash = spread(key.hashCode());
		String[] all = this.keys;
		int index = hash & this.mask;
		while (true) {
			String candidate = all[index];
			if (candidate == key) {
				return this.features[index];
			}
			if (candidate == null) {
				return null;
			}
			if (this.hashes[index] == hash && candidate.equals(key)) {
				return this.features[index];
			}
			index = (index + 1) & this.mask;
		}
	}

}
