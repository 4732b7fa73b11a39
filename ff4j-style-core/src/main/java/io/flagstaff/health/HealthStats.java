package io.flagstaff.health;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link HealthGuard} counted for a flag or a variant within its rolling window.
 *
 * @param calls the calls recorded
 * @param failures the calls that failed
 * @param slowCalls the calls slower than the latency baseline
 * @param window the rolling window the counts cover
 */
public record HealthStats(long calls, long failures, long slowCalls, Duration window) {

	/** Nothing recorded. */
	public static final HealthStats NONE = new HealthStats(0, 0, 0, Duration.ZERO);

	public HealthStats {
		Objects.requireNonNull(window, "window");
	}

	/**
	 * Returns the failure rate.
	 * @return {@code failures / calls}, or 0 when there were no calls
	 */
	public double failureRate() {
		return (this.calls != 0) ? (double) this.failures / this.calls : 0.0;
	}

}
