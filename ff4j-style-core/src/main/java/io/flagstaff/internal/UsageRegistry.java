package io.flagstaff.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.UsageSnapshot;

/**
 * Usage counters by flag key, kept across snapshots: a compiled flag holds its counter
 * directly, so the hot path never looks one up. Thread-safe.
 */
final class UsageRegistry {

	private final CoarseClock clock;

	private final Map<String, UsageCounter> counters = new ConcurrentHashMap<>();

	UsageRegistry(CoarseClock clock) {
		this.clock = clock;
	}

	UsageCounter counter(String key) {
		return this.counters.computeIfAbsent(key, (k) -> new UsageCounter(this.clock));
	}

	UsageSnapshot snapshot() {
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
