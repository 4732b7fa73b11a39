package io.flagstaff.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A clock read on the hot path without calling the real clock: once started, a daemon
 * thread copies {@link Clock#millis()} into a volatile field every {@value #TICK_MILLIS}
 * ms, and every {@value #SWEEP_TICKS} ticks (once a second) runs the tasks registered
 * with {@link #everySweep(Runnable)}, such as the usage counters' sweep of evaluation
 * times. Thread-safe.
 */
final class CoarseClock implements AutoCloseable {

	static final long TICK_MILLIS = 100;

	/** Ticks between two runs of the sweep tasks. */
	static final int SWEEP_TICKS = 10;

	private static final System.Logger logger = System.getLogger(CoarseClock.class.getName());

	private final List<Runnable> sweeps = new CopyOnWriteArrayList<>();

	/** Ticks since the last sweep; written by the ticking thread only. */
	private int ticks;

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
	 * Copies the real clock now, and runs the sweep tasks every {@value #SWEEP_TICKS}
	 * ticks.
	 */
	void tick() {
		Background.run(logger, "The Flagstaff clock", () -> this.millis = this.clock.millis());
		if (++this.ticks >= SWEEP_TICKS) {
			this.ticks = 0;
			sweep();
		}
	}

	/**
	 * Runs the sweep tasks now; a failing task is logged and does not stop the others.
	 */
	void sweep() {
		for (Runnable task : this.sweeps) {
			Background.run(logger, "A Flagstaff clock task", task);
		}
	}

	/**
	 * Registers a task to run on the ticking thread once every {@value #SWEEP_TICKS}
	 * ticks.
	 * @param task the task, which must be quick and thread-safe
	 */
	void everySweep(Runnable task) {
		this.sweeps.add(task);
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
