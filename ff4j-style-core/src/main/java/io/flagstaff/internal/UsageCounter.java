package io.flagstaff.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.UsageSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One flag's usage: striped on/off and per-variant counters, first and last evaluation
 * time from the coarse clock. Recording allocates nothing once the counters exist.
 * Thread-safe.
 */
final class UsageCounter {

	private final CoarseClock clock;

	private final LongAdder on = new LongAdder();

	private final LongAdder off = new LongAdder();

	private final Map<String, LongAdder> variants = new ConcurrentHashMap<>();

	private final AtomicLong first = new AtomicLong();

	private final AtomicLong last = new AtomicLong();

	UsageCounter(CoarseClock clock) {
		this.clock = clock;
	}

	/**
	 * Returns the counter of one variant, created once at compile time.
	 */
	LongAdder variant(String name) {
		return this.variants.computeIfAbsent(name, (n) -> new LongAdder());
	}

	void record(boolean enabled, @Nullable LongAdder variant) {
		(enabled ? this.on : this.off).increment();
		if (variant != null) {
			variant.increment();
		}
		long now = this.clock.millis();
		if (this.first.get() == 0) {
			this.first.compareAndSet(0, now);
		}
		if (this.last.get() < now) {
			this.last.accumulateAndGet(now, Math::max);
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
		long firstMillis = this.first.get();
		long lastMillis = this.last.get();
		return new UsageSnapshot.FeatureUsage(this.on.sum(), this.off.sum(), byVariant,
				(firstMillis != 0) ? Instant.ofEpochMilli(firstMillis) : null,
				(lastMillis != 0) ? Instant.ofEpochMilli(lastMillis) : null);
	}

}
