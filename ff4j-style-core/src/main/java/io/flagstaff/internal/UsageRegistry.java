package io.flagstaff.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.UsageSnapshot;

/**
 * Usage counters by flag key, kept across snapshots: a compiled flag holds its counter
 * directly, so the hot path never looks one up. Evaluation times are not read on the hot
 * path: a sweep on the coarse clock's thread (once a second) and each {@link #snapshot()}
 * stamp every counter whose count moved since the previous sweep. Thread-safe.
 */
final class UsageRegistry {

	private final CoarseClock clock;

	private final Map<String, UsageCounter> counters = new ConcurrentHashMap<>();

	UsageRegistry(CoarseClock clock) {
		this.clock = clock;
		clock.everySweep(this::sweep);
	}

	/**
	 * Stamps, with the coarse clock's time, the counters evaluated since the previous
	 * sweep.
	 */
	synchronized void sweep() {
		long now = this.clock.millis();
		for (UsageCounter counter : this.counters.values()) {
			counter.sweep(now);
		}
	}

	UsageCounter counter(String key) {
		return this.counters.computeIfAbsent(key, (k) -> new UsageCounter());
	}

	synchronized UsageSnapshot snapshot() {
		sweep();
		Map<String, UsageSnapshot.FeatureUsage> features = new TreeMap<>();
		this.counters.forEach((key, counter) -> {
			UsageSnapshot.FeatureUsage usage = counter.read();
			if (usage.total() > 0) {
				features.put(key, usage);
			}
		});
		return new UsageSnapshot(Instant.ofEpochMilli(this.clock.millis()), features);
	}

}
