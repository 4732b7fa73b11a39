package io.flagstaff.health;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.internal.Durations;
import io.flagstaff.model.HealthPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The counts and trip state of one flag or one variant under one policy. A new policy
 * gets a new monitor. Thread-safe.
 */
final class Monitor {

	/**
	 * The minimum number of calls for a failure rate when the policy sets no
	 * {@code minCalls}.
	 */
	static final int DEFAULT_MIN_CALLS = 10;

	static final int ARMED = 0;

	static final int TRIPPING = 1;

	static final int TRIPPED = 2;

	private static final long PPM = 1_000_000L;

	final HealthPolicy policy;

	final SlidingWindow window;

	private final long slowAfterNanos;

	private final long failureRatePpm;

	private final int minCalls;

	final AtomicInteger state = new AtomicInteger(ARMED);

	/**
	 * The snapshot version that showed this monitor's disable; valid once
	 * {@link #TRIPPED}.
	 */
	volatile long trippedAtVersion;

	volatile @Nullable Throwable lastFailure;

	Monitor(HealthPolicy policy) {
		this.policy = policy;
		this.window = new SlidingWindow(policy.windowOrDefault());
		Duration baseline = policy.latencyBaseline();
		this.slowAfterNanos = (baseline != null) ? baseline.toNanos() : Long.MAX_VALUE;
		Double rate = policy.maxFailureRate();
		this.failureRatePpm = (rate != null) ? Math.round(rate * PPM) : -1;
		this.minCalls = (policy.minCalls() != null) ? policy.minCalls() : DEFAULT_MIN_CALLS;
	}

	boolean isSlow(long durationNanos) {
		return durationNanos > this.slowAfterNanos;
	}

	void record(long now, boolean failed, boolean slow, @Nullable Throwable failure) {
		this.window.record(now, failed, slow);
		if (failed) {
			this.lastFailure = failure;
		}
	}

	/**
	 * Returns the part of the policy the counts at {@code now} cross, considering only
	 * what the call just recorded can have changed.
	 * @param now the ticker reading
	 * @param failed whether the call just recorded failed
	 * @param slow whether it was slow
	 * @return the crossed trigger, or {@code null}
	 */
	@Nullable Trigger crossed(long now, boolean failed, boolean slow) {
		Integer maxErrors = this.policy.maxErrors();
		if (failed && maxErrors != null && this.window.failures(now) >= maxErrors) {
			return Trigger.ERRORS;
		}
		if (this.failureRatePpm >= 0) {
			// a success lowers the rate: it can only trip by completing minCalls
			long calls = this.window.calls(now);
			if (calls >= this.minCalls && (failed || calls <= this.minCalls)) {
				long failures = this.window.failures(now);
				if (failures > 0 && failures * PPM >= this.failureRatePpm * calls) {
					return Trigger.FAILURE_RATE;
				}
			}
		}
		Integer maxSlowCalls = this.policy.maxSlowCalls();
		if (slow && maxSlowCalls != null && this.window.slowCalls(now) >= maxSlowCalls) {
			return Trigger.SLOW_CALLS;
		}
		return null;
	}

	HealthStats stats(long now) {
		return new HealthStats(this.window.calls(now), this.window.failures(now), this.window.slowCalls(now),
				this.policy.windowOrDefault());
	}

	/**
	 * Describes a trip for the audit trail and the event.
	 * @param trigger what was crossed
	 * @param now the ticker reading
	 * @param figures receives the figures by name
	 * @return the reason, naming the figures and the threshold
	 */
	String describe(Trigger trigger, long now, Map<String, Number> figures) {
		long calls = this.window.calls(now);
		long failures = this.window.failures(now);
		long slowCalls = this.window.slowCalls(now);
		Duration window = this.policy.windowOrDefault();
		figures.put("calls", calls);
		figures.put("failures", failures);
		figures.put("slowCalls", slowCalls);
		figures.put("windowMillis", window.toMillis());
		String within = " within " + Durations.format(window);
		String crossed = switch (trigger) {
			case ERRORS -> failures + " failures" + within + " reached maxErrors " + this.policy.maxErrors();
			case FAILURE_RATE -> "failure rate " + percent((double) failures / calls) + " (" + failures + " of " + calls
					+ " calls)" + within + " reached maxFailureRate " + percent(this.policy.maxFailureRate())
					+ " (minCalls " + this.minCalls + ")";
			case SLOW_CALLS -> slowCalls + " calls slower than "
					+ Durations.format(Objects.requireNonNull(this.policy.latencyBaseline())) + within
					+ " reached maxSlowCalls " + this.policy.maxSlowCalls();
			case TRAFFIC_DROP -> throw new IllegalArgumentException("the health guard does not watch traffic");
		};
		StringBuilder reason = new StringBuilder(crossed);
		reason.append(" [calls=")
			.append(calls)
			.append(", failures=")
			.append(failures)
			.append(", slowCalls=")
			.append(slowCalls)
			.append(']');
		Throwable failure = this.lastFailure;
		if (failure != null) {
			reason.append("; last failure: ").append(failure.getClass().getName());
			if (failure.getMessage() != null) {
				reason.append(": ").append(failure.getMessage());
			}
		}
		return reason.toString();
	}

	static String percent(@Nullable Double rate) {
		return (rate != null) ? String.format(Locale.ROOT, "%.1f%%", rate * 100) : "n/a";
	}

}
