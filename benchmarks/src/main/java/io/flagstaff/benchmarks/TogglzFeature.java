package io.flagstaff.benchmarks;

import org.togglz.core.Feature;

/**
 * The Togglz features of the scenarios (Togglz declares features as an enum).
 */
public enum TogglzFeature implements Feature {

	/** Scenario A. */
	SIMPLE_ON,

	/** Scenario B. */
	ROLLOUT_50

}
