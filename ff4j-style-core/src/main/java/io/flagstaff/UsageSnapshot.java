package io.flagstaff;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How often each flag was evaluated since the {@link Flagstaff} started, as returned by
 * {@link Flagstaff#usage()}. Immutable; counts taken while other threads evaluate are
 * each exact at some instant during the call, not necessarily the same one.
 *
 * @param takenAt when the counts were read
 * @param features usage by flag key, sorted by key; flags never evaluated are absent
 */
public record UsageSnapshot(Instant takenAt, Map<String, FeatureUsage> features) {

	public UsageSnapshot {
		Objects.requireNonNull(takenAt, "takenAt");
		features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
	}

	/**
	 * Returns one flag's usage.
	 * @param key the flag key
	 * @return the usage, or {@code null} when the flag was never evaluated
	 */
	public @Nullable FeatureUsage feature(String key) {
		return this.features.get(key);
	}

	/**
	 * How often one flag was evaluated.
	 *
	 * @param on evaluations that returned on
	 * @param off evaluations that returned off
	 * @param variants evaluations by served variant, sorted by variant name
	 * @param firstEvaluated the first evaluation, as the time of the first sweep of the
	 * counters that saw it (once a second, and on each {@link Flagstaff#usage()}): at
	 * most about a second later than the evaluation; {@code null} when never evaluated
	 * @param lastEvaluated the last evaluation, as the time of the last sweep that saw
	 * the count move; {@code null} when never evaluated
	 */
	public record FeatureUsage(long on, long off, Map<String, Long> variants, @Nullable Instant firstEvaluated,
			@Nullable Instant lastEvaluated) {

		public FeatureUsage {
			variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
		}

		/**
		 * Returns the number of evaluations.
		 * @return {@code on + off}
		 */
		public long total() {
			return this.on + this.off;
		}

	}

}
