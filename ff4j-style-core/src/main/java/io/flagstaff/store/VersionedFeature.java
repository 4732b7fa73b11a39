package io.flagstaff.store;

import java.util.Objects;

import io.flagstaff.model.FeatureDefinition;

/**
 * A flag as stored, with its version: 1 when created, one more with every write.
 *
 * @param definition the flag
 * @param version the version, at least 1
 */
public record VersionedFeature(FeatureDefinition definition, long version) {

	public VersionedFeature {
		Objects.requireNonNull(definition, "definition");
		if (version < 1) {
			throw new IllegalArgumentException(
					"version of '" + definition.key() + "' must be at least 1, was " + version);
		}
	}

	/**
	 * Returns the flag key.
	 * @return the key
	 */
	public String key() {
		return this.definition.key();
	}

}
