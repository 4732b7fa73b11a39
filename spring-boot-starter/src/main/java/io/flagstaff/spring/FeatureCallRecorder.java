package io.flagstaff.spring;

import org.jspecify.annotations.Nullable;

/**
 * Receives what the starter observes: each flag evaluated for a guarded method or a
 * strategy call, and the duration and outcome of each guarded or routed call. Every
 * {@code FeatureCallRecorder} bean is called (the health guard's adapter, Micrometer
 * meters, your own). Implementations must be thread-safe and fast; an exception they
 * throw is logged and never reaches the business call.
 */
public interface FeatureCallRecorder {

	/**
	 * Records an evaluation.
	 * @param feature the flag key
	 * @param result {@code on}, {@code off}, or the variant served
	 */
	default void recordEvaluation(String feature, String result) {
	}

	/**
	 * Records a call that completed normally.
	 * @param feature the flag key
	 * @param variant the variant or strategy side ({@code on}, {@code off}) that ran, or
	 * {@code null} for a guarded method
	 * @param durationNanos how long it took
	 */
	void recordSuccess(String feature, @Nullable String variant, long durationNanos);

	/**
	 * Records a call that failed.
	 * @param feature the flag key
	 * @param variant the variant or strategy side ({@code on}, {@code off}) that ran, or
	 * {@code null} for a guarded method
	 * @param durationNanos how long it took
	 * @param failure what it threw
	 */
	void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure);

}
