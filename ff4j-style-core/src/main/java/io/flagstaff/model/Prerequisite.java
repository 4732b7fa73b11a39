package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A flag that must be in a given state for the dependent flag to be on. Evaluated with
 * the same context, and with the same environment unless {@code environment} names one.
 *
 * @param feature the parent flag key
 * @param enabled whether the parent must be on ({@code true}, the usual case) or off
 * @param variants when not empty, the parent must be on and serve one of these variants
 * @param environment the environment the parent is evaluated in whatever the caller's
 * (the legacy format evaluates every dependency as in {@code production}), or
 * {@code null} for the caller's environment
 */
public record Prerequisite(String feature, boolean enabled, List<String> variants, @Nullable String environment) {

	public Prerequisite {
		Objects.requireNonNull(feature, "feature");
		variants = List.copyOf(variants);
		if (environment != null && environment.isBlank()) {
			throw new IllegalArgumentException(
					"Prerequisite '" + feature + "': environment must not be blank; omit it to use the caller's");
		}
	}

	/**
	 * Creates a prerequisite evaluated in the caller's environment.
	 * @param feature the parent flag key
	 * @param enabled whether the parent must be on or off
	 * @param variants when not empty, the parent must be on and serve one of these
	 * variants
	 */
	public Prerequisite(String feature, boolean enabled, List<String> variants) {
		this(feature, enabled, variants, null);
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
