package io.flagstaff.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.ExposureListener;
import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * What every snapshot of one {@code Flagstaff} shares: the default environment, the
 * clock, strict mode, the unknown-flag counters, the usage counters and the exposure
 * listener. Thread-safe.
 */
final class EvaluationRuntime {

	/**
	 * Distinct unknown keys counted at most, so a caller cannot grow the map without
	 * bound.
	 */
	static final int MAX_UNKNOWN_KEYS = 10_000;

	private final @Nullable String defaultEnvironment;

	/**
	 * The environment used whatever the context says, or {@code null}: set on the runtime
	 * a prerequisite with its own environment evaluates its parent with.
	 */
	private final @Nullable String pinnedEnvironment;

	private final Clock clock;

	private final boolean strict;

	private final CoarseClock coarseClock;

	private final UsageRegistry usage;

	private final boolean usageStatistics;

	private final @Nullable ExposureListener exposureListener;

	private final Map<String, LongAdder> unknownFlags;

	EvaluationRuntime(@Nullable String defaultEnvironment, Clock clock, boolean strict, CoarseClock coarseClock,
			@Nullable ExposureListener exposureListener, boolean usageStatistics) {
		this.usageStatistics = usageStatistics;
		this.defaultEnvironment = defaultEnvironment;
		this.pinnedEnvironment = null;
		this.clock = clock;
		this.strict = strict;
		this.coarseClock = coarseClock;
		this.usage = new UsageRegistry(coarseClock);
		this.exposureListener = exposureListener;
		this.unknownFlags = new ConcurrentHashMap<>();
	}

	private EvaluationRuntime(EvaluationRuntime shared, String pinnedEnvironment) {
		this.defaultEnvironment = shared.defaultEnvironment;
		this.pinnedEnvironment = pinnedEnvironment;
		this.clock = shared.clock;
		this.strict = shared.strict;
		this.coarseClock = shared.coarseClock;
		this.usage = shared.usage;
		this.usageStatistics = shared.usageStatistics;
		this.exposureListener = shared.exposureListener;
		this.unknownFlags = shared.unknownFlags;
	}

	/**
	 * Returns a runtime sharing everything with this one but evaluating every flag as in
	 * the given environment, whatever the context names. Created at compile time.
	 */
	EvaluationRuntime pinnedTo(String environment) {
		return new EvaluationRuntime(this, environment);
	}

	@Nullable String environment(FeatureContext context) {
		if (this.pinnedEnvironment != null) {
			return this.pinnedEnvironment;
		}
		String environment = context.environment();
		return (environment != null) ? environment : this.defaultEnvironment;
	}

	@Nullable String defaultEnvironment() {
		return this.defaultEnvironment;
	}

	long nowMillis(FeatureContext context) {
		java.time.Instant time = context.currentTime();
		return (time != null) ? millis(time) : this.clock.millis();
	}

	/**
	 * Returns a time in epoch milliseconds, saturated one short of a {@code long}'s range
	 * (so {@link java.time.Instant#MAX} is later than any schedule, whose open end is
	 * {@link Long#MAX_VALUE}) instead of overflowing.
	 */
	static long millis(java.time.Instant time) {
		long seconds = time.getEpochSecond();
		if (seconds >= Long.MAX_VALUE / 1000 - 1) {
			return Long.MAX_VALUE - 1;
		}
		return (seconds <= Long.MIN_VALUE / 1000 + 1) ? Long.MIN_VALUE + 1 : time.toEpochMilli();
	}

	Clock clock() {
		return this.clock;
	}

	boolean strict() {
		return this.strict;
	}

	CoarseClock coarseClock() {
		return this.coarseClock;
	}

	UsageRegistry usage() {
		return this.usage;
	}

	/**
	 * Whether evaluations are counted; when not, compiled flags get no usage counter.
	 */
	boolean usageStatistics() {
		return this.usageStatistics;
	}

	@Nullable ExposureListener exposureListener() {
		return this.exposureListener;
	}

	void countUnknown(String key) {
		LongAdder counter = this.unknownFlags.get(key);
		if (counter == null) {
			if (this.unknownFlags.size() >= MAX_UNKNOWN_KEYS) {
				return;
			}
			counter = this.unknownFlags.computeIfAbsent(key, (k) -> new LongAdder());
		}
		counter.increment();
	}

	Map<String, Long> unknownFlagCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.unknownFlags.forEach((key, counter) -> counts.put(key, counter.sum()));
		return java.util.Collections.unmodifiableMap(counts);
	}

}
