package io.flagstaff.benchmarks;

import org.togglz.core.Feature;

/**
 * The Togglz features of the scenarios (Togglz declares features as an enum).
 */
public enum TogglzFeature implements Feature {

	/** Scenario A. */
	SIMPLE_ON,

	/** Scenario B. */
	ROLLOUT_50;

	/**
	 * Returns the feature of a flag key of {@link Workload}.
	 * @param key {@link Workload#ON_OFF} or {@link Workload#ROLLOUT}
	 * @return the feature
	 * @throws IllegalArgumentException for the scenarios Togglz cannot express
	 */
	public static TogglzFeature of(String key) {
		return switch (key) {
			case Workload.ON_OFF -> SIMPLE_ON;
			case Workload.ROLLOUT -> ROLLOUT_50;
			default -> throw new IllegalArgumentException("Togglz expresses scenarios A and B only, not '" + key + "'");
		};
	}

}
