package io.flagstaff.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;

/**
 * The automatic kill switch. Code guarded by a flag reports each call's duration and
 * outcome; when a flag's {@link io.flagstaff.model.HealthPolicy} is crossed, the guard
 * writes the disable to the store through a {@link KillSwitch} (actor
 * {@code health-guard}, with the reason and the figures) and tells its
 * {@link AutoDisableListener}s.
 * <p>
 * Policies are read from the flag's {@code health} block in the current snapshot on every
 * call, so a changed policy applies at once (and restarts its counts). All thresholds are
 * inclusive: {@code maxErrors: 50} trips on the 50th failure within the window,
 * {@code maxSlowCalls: 20} on the 20th slow call, {@code maxFailureRate: 0.5} when half
 * of at least {@code minCalls} calls failed. A call is slow when it took longer than
 * {@code latencyBaseline}.
 * <p>
 * Thread-safe. Recording takes no lock, allocates nothing for a call that does not trip a
 * policy, never throws and never blocks: the store write runs on the guard's executor.
 */
public interface HealthGuard extends AutoCloseable {

	/** The actor written to the store with an automatic disable. */
	String ACTOR = "health-guard";

	/**
	 * Records a call that succeeded.
	 * @param feature the flag key
	 * @param variant the variant the call ran, or {@code null}
	 * @param durationNanos how long the call took, in nanoseconds
	 */
	void recordSuccess(String feature, @Nullable String variant, long durationNanos);

	/**
	 * Records a call that failed. A failure the guard's failure predicate rejects counts
	 * as a success.
	 * @param feature the flag key
	 * @param variant the variant the call ran, or {@code null}
	 * @param durationNanos how long the call took, in nanoseconds
	 * @param failure what the call threw
	 */
	void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure);

	/**
	 * Records a call of a flag without variants that succeeded.
	 * @param feature the flag key
	 * @param duration how long the call took
	 */
	default void recordSuccess(String feature, Duration duration) {
		recordSuccess(feature, null, duration.toNanos());
	}

	/**
	 * Records a call of a flag without variants that failed.
	 * @param feature the flag key
	 * @param duration how long the call took
	 * @param failure what the call threw
	 */
	default void recordFailure(String feature, Duration duration, Throwable failure) {
		recordFailure(feature, null, duration.toNanos(), failure);
	}

	/**
	 * Returns what was counted for a flag (all its calls) within its current window.
	 * @param feature the flag key
	 * @return the counts; {@link HealthStats#NONE} when nothing was recorded or the flag
	 * has no health policy
	 */
	HealthStats stats(String feature);

	/**
	 * Returns what was counted for one variant of a flag within its current window.
	 * @param feature the flag key
	 * @param variant the variant name
	 * @return the counts; {@link HealthStats#NONE} when nothing was recorded
	 */
	HealthStats stats(String feature, String variant);

	/**
	 * Adds a listener told about each automatic disable.
	 * @param listener the listener
	 * @return a handle that removes it
	 */
	AutoCloseable addListener(AutoDisableListener listener);

	/**
	 * Stops the executor the guard created (not one supplied to the builder); calls
	 * recorded afterwards are still counted but trip nothing.
	 */
	@Override
	void close();

	/**
	 * Starts building a guard that reads policies from a {@link Flagstaff}'s snapshot and
	 * writes disables through a kill switch.
	 * @param flagstaff where the policies come from (and is refreshed after a disable)
	 * @param killSwitch where disables are written, usually the store behind
	 * {@code flagstaff}
	 * @return a builder
	 */
	static Builder builder(Flagstaff flagstaff, KillSwitch killSwitch) {
		return new Builder(flagstaff, killSwitch);
	}

	/**
	 * Builds a {@link HealthGuard}. Not thread-safe.
	 */
	final class Builder {

		final Flagstaff flagstaff;

		final KillSwitch killSwitch;

		Clock clock = Clock.systemUTC();

		@Nullable Executor executor;

		Predicate<Throwable> failurePredicate = (failure) -> true;

		final List<AutoDisableListener> listeners = new ArrayList<>();

		private Builder(Flagstaff flagstaff, KillSwitch killSwitch) {
			this.flagstaff = Objects.requireNonNull(flagstaff, "flagstaff");
			this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
		}

		/**
		 * Sets the clock that stamps disables and events and places calls in the rolling
		 * windows. With a system clock the windows read {@link System#nanoTime()}, which
		 * never jumps; with any other clock (a test's) they follow its instant.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets the executor that writes disables to the store and tells listeners.
		 * @param executor the executor (default: one daemon thread owned by the guard)
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			this.executor = Objects.requireNonNull(executor, "executor");
			return this;
		}

		/**
		 * Sets which failures count; the others count as successful calls (for example
		 * validation errors that say nothing about the feature's health).
		 * @param failurePredicate returns {@code true} for a failure that counts
		 * (default: all)
		 * @return this builder
		 */
		public Builder recordFailureWhen(Predicate<Throwable> failurePredicate) {
			this.failurePredicate = Objects.requireNonNull(failurePredicate, "failurePredicate");
			return this;
		}

		/**
		 * Adds a listener told about each automatic disable.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(AutoDisableListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Builds the guard.
		 * @return the guard
		 */
		public HealthGuard build() {
			return new DefaultHealthGuard(this);
		}

	}

}
