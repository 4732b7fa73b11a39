package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

/**
 * A flag that must be in a given state for the dependent flag to be on. Evaluated with
 * the same context and environment.
 *
 * @param feature the parent flag key
 * @param enabled whether the parent must be on ({@code true}, the usual case) or off
 * @param variants when not empty, the parent must be on and serve one of these variants
 */
public record Prerequisite(String feature, boolean enabled, List<String> variants) {

	public Prerequisite {
		Objects.requireNonNull(feature, "feature");
		variants = List.copyOf(variants);
	}

	/**
	 * Creates a prerequisite that the parent flag is on.
	 * @param feature the parent flag key
	 * @return the prerequisite
	 */
	public static Prerequisite on(String feature) {
		return new Prerequisite(feature, true, List.of());
	}

}
