package io.flagstaff.model;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * When the health guard turns a flag off by itself. Each threshold is optional; crossing
 * any one trips the policy.
 *
 * @param maxErrors the number of failures within {@code window} that trips the policy
 * @param window the rolling window for counting failures and slow calls (default one
 * minute)
 * @param maxFailureRate the failure rate (0..1) over the window that trips the policy
 * once {@code minCalls} calls were seen
 * @param minCalls the calls needed in the window before {@code maxFailureRate} applies
 * @param latencyBaseline a call slower than this is a slow call
 * @param maxSlowCalls the number of slow calls within {@code window} that trips the
 * policy
 * @param maxTrafficDrop the traffic drop (0..1) against the baseline before enabling that
 * trips the policy
 * @param scope whether a tripped policy disables the whole flag or only the offending
 * variant
 */
public record HealthPolicy(@Nullable Integer maxErrors, @Nullable Duration window, @Nullable Double maxFailureRate,
		@Nullable Integer minCalls, @Nullable Duration latencyBaseline, @Nullable Integer maxSlowCalls,
		@Nullable Double maxTrafficDrop, Scope scope) {

	/** The window used when none is configured. */
	public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

	/**
	 * What a tripped policy disables.
	 */
	public enum Scope {

		/** The whole flag. */
		FEATURE,
		/**
		 * Only the offending variant; its weight moves to the first (control) variant.
		 */
		VARIANT

	}

	/**
	 * Returns the rolling window.
	 * @return {@link #window()} or {@link #DEFAULT_WINDOW}
	 */
	public Duration windowOrDefault() {
		return (this.window != null) ? this.window : DEFAULT_WINDOW;
	}

}
