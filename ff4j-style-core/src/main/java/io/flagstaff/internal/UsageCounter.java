package io.flagstaff.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.UsageSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One flag's usage: on/off counts (this counter's two counts: a cell per thread, no
 * atomic instruction per evaluation) and per-variant counts in {@link StripedCounter}s.
 * Recording increments the thread's own cell and nothing else, so threads evaluating the
 * same flag never write the same cache line; it allocates nothing once a thread has its
 * cell. The first and last evaluation times are set by {@link #sweep(long)}, which the
 * registry runs once a second and before each read: the time of the first sweep that saw
 * the count move, at most a sweep later than the evaluation. Thread-safe.
 */
final class UsageCounter extends StripedCounter {

	private final Map<String, StripedCounter> variants = new ConcurrentHashMap<>();

	/** Written by sweeps only (serialized by the registry), read by any thread. */
	private volatile long first;

	private volatile long last;

	/** The total count at the previous sweep; sweeps only. */
	private long swept;

	UsageCounter() {
	}

	/**
	 * Returns the counter of one variant, created once at compile time.
	 */
	StripedCounter variant(String name) {
		return this.variants.computeIfAbsent(name, (n) -> new StripedCounter());
	}

	void record(boolean enabled, @Nullable StripedCounter variant) {
		increment(enabled);
		if (variant != null) {
			variant.increment();
		}
	}

	/**
	 * Sets the last (and, the first time, the first) evaluation time to {@code now} when
	 * the count moved since the previous sweep. Called by one thread at a time.
	 * @param now the time of the sweep, in epoch milliseconds
	 */
	void sweep(long now) {
		long total = total();
		if (total != this.swept) {
			this.swept = total;
			if (this.first == 0) {
				this.first = now;
			}
			this.last = now;
		}
	}

	UsageSnapshot.FeatureUsage read() {
		Map<String, Long> byVariant = new TreeMap<>();
		this.variants.forEach((name, counter) -> {
			long count = counter.sum();
			if (count > 0) {
				byVariant.put(name, count);
			}
		});
		long firstMillis = this.first;
		long lastMillis = this.last;
		return new UsageSnapshot.FeatureUsage(sum(true), sum(false), byVariant,
				(firstMillis != 0) ? Instant.ofEpochMilli(firstMillis) : null,
				(lastMillis != 0) ? Instant.ofEpochMilli(lastMillis) : null);
	}

}
