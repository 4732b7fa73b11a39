package io.flagstaff.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A clock read on the hot path without calling the real clock: once started, a daemon
 * thread copies {@link Clock#millis()} into a volatile field every {@value #TICK_MILLIS}
 * ms. Thread-safe.
 */
final class CoarseClock implements AutoCloseable {

	static final long TICK_MILLIS = 100;

	private final Clock clock;

	private volatile long millis;

	private @Nullable ScheduledExecutorService ticker;

	CoarseClock(Clock clock) {
		this.clock = clock;
		this.millis = clock.millis();
	}

	/**
	 * Starts the daemon thread that keeps this clock current.
	 * @return this clock
	 */
	CoarseClock start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "flagstaff-clock");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
		this.ticker = executor;
		return this;
	}

	/**
	 * Copies the real clock now.
	 */
	void tick() {
		this.millis = this.clock.millis();
	}

	long millis() {
		return this.millis;
	}

	@Override
	public void close() {
		ScheduledExecutorService executor = this.ticker;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

}
