package io.flagstaff.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One variant of a flag: its name, its weight relative to the other variants, and the value it
 * serves.
 *
 * @param name the variant name
 * @param weight the non-negative weight; a variant's share is its weight divided by the sum
 * @param value the served value, or {@code null} when the variant serves only its name
 */
public record VariantDefinition(String name, int weight, @Nullable FeatureValue value) {

	public VariantDefinition {
		Objects.requireNonNull(name, "name");
		if (weight < 0) {
			throw new IllegalArgumentException("weight of variant '" + name + "' must not be negative, was " + weight);
		}
	}

}
