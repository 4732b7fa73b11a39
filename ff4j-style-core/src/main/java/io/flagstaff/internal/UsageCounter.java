package io.flagstaff.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.UsageSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One flag's usage: on/off counts (this counter's two counts: a cell per thread, no
 * atomic instruction per evaluation) and per-variant counts in {@link StripedCounter}s,
 * first and last evaluation time from the coarse clock. Recording allocates nothing once
 * a thread has its cell, and writes the shared times only when the coarse clock has moved
 * (at most every {@value CoarseClock#TICK_MILLIS} ms), so threads evaluating the same
 * flag do not contend. Thread-safe.
 */
final class UsageCounter extends StripedCounter {

	private static final VarHandle FIRST;

	private static final VarHandle LAST;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			FIRST = lookup.findVarHandle(UsageCounter.class, "first", long.class);
			LAST = lookup.findVarHandle(UsageCounter.class, "last", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final CoarseClock clock;

	private final Map<String, StripedCounter> variants = new ConcurrentHashMap<>();

	private volatile long first;

	private volatile long last;

	UsageCounter(CoarseClock clock) {
		this.clock = clock;
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
		long now = this.clock.millis();
		if (this.last < now) {
			seen(now);
		}
	}

	private void seen(long now) {
		if (this.first == 0) {
			FIRST.compareAndSet(this, 0L, now);
		}
		long seen = this.last;
		while (seen < now && !LAST.compareAndSet(this, seen, now)) {
			seen = this.last;
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
