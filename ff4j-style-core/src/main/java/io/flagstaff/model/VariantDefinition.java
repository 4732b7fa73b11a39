package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One variant of a flag: its name, its weight relative to the other variants, and the
 * value it serves.
 *
 * @param name the variant name
 * @param weight the non-negative weight; a variant's share is its weight divided by the
 * sum
 * @param value the served value, or {@code null} when the variant serves only its name
 * @param overrides conditions that force this variant, whatever the weights: when the
 * flag is on and any one of them matches the context, this variant is served (variants
 * are checked in order); empty for none
 */
public record VariantDefinition(String name, int weight, @Nullable FeatureValue value, List<Condition> overrides) {

	public VariantDefinition {
		Objects.requireNonNull(name, "name");
		if (weight < 0) {
			throw new IllegalArgumentException("weight of variant '" + name + "' must not be negative, was " + weight);
		}
		overrides = List.copyOf(overrides);
	}

	/**
	 * Creates a variant without overrides.
	 * @param name the variant name
	 * @param weight the non-negative weight
	 * @param value the served value, or {@code null}
	 */
	public VariantDefinition(String name, int weight, @Nullable FeatureValue value) {
		this(name, weight, value, List.of());
	}

}
