package io.flagstaff.spring.health;

import io.flagstaff.health.HealthGuard;
import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.strategy.StrategyGroup;
import org.jspecify.annotations.Nullable;

/**
 * Hands guarded and routed calls to the {@link HealthGuard}: a guarded method and the on
 * side of a toggle strategy count for the flag, a variant bean for its variant. The off
 * side is the old code path and is not counted: its failures must not turn the flag off
 * further. Thread-safe.
 */
public final class HealthGuardFeatureCallRecorder implements FeatureCallRecorder {

	private final HealthGuard guard;

	/**
	 * Creates the adapter.
	 * @param guard the health guard
	 */
	public HealthGuardFeatureCallRecorder(HealthGuard guard) {
		this.guard = guard;
	}

	@Override
	public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
		if (!StrategyGroup.OFF.equals(variant)) {
			this.guard.recordSuccess(feature, variantOf(variant), durationNanos);
		}
	}

	@Override
	public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
		if (!StrategyGroup.OFF.equals(variant)) {
			this.guard.recordFailure(feature, variantOf(variant), durationNanos, failure);
		}
	}

	private static @Nullable String variantOf(@Nullable String variant) {
		return StrategyGroup.ON.equals(variant) ? null : variant;
	}

}
