package io.flagstaff.health;

/**
 * Which part of a {@link io.flagstaff.model.HealthPolicy} switched a flag off.
 */
public enum Trigger {

	/** {@code maxErrors} failures within the window. */
	ERRORS,
	/**
	 * A failure rate of at least {@code maxFailureRate} over at least {@code minCalls}
	 * calls.
	 */
	FAILURE_RATE,
	/**
	 * {@code maxSlowCalls} calls slower than {@code latencyBaseline} within the window.
	 */
	SLOW_CALLS,
	/**
	 * Traffic fell by more than {@code maxTrafficDrop} against the baseline before
	 * enabling.
	 */
	TRAFFIC_DROP

}
