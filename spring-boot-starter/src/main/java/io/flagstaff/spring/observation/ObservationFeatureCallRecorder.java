package io.flagstaff.spring.observation;

import java.util.Objects;

import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.FeatureScope;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Records the flag each guarded method or strategy call evaluated on the current
 * observation (the request's span, with Micrometer Tracing) by the OpenTelemetry semantic
 * conventions for feature flags: {@code feature_flag.key},
 * {@code feature_flag.result.variant} ({@code on}, {@code off} or the variant),
 * {@code feature_flag.provider.name} ({@code flagstaff}) and
 * {@code feature_flag.context.id} (the request's user id, when it has one) as
 * high-cardinality key values, and one {@code feature_flag.evaluation} event per
 * evaluation. Does nothing when no observation is current. Thread-safe.
 */
public final class ObservationFeatureCallRecorder implements FeatureCallRecorder {

	static final String EVENT = "feature_flag.evaluation";

	private final ObservationRegistry registry;

	/**
	 * Creates the recorder.
	 * @param registry where the current observation is found
	 */
	public ObservationFeatureCallRecorder(ObservationRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void recordEvaluation(String feature, String result) {
		Observation observation = this.registry.getCurrentObservation();
		if (observation == null) {
			return;
		}
		observation.highCardinalityKeyValue("feature_flag.key", feature);
		observation.highCardinalityKeyValue("feature_flag.result.variant", result);
		observation.highCardinalityKeyValue("feature_flag.provider.name", "flagstaff");
		String user = userId();
		if (user != null) {
			observation.highCardinalityKeyValue("feature_flag.context.id", user);
		}
		observation.event(Observation.Event.of(EVENT, EVENT + " " + feature + "=" + result));
	}

	private static @Nullable String userId() {
		FeatureScope scope = FeatureScope.current();
		return (scope != null) ? scope.context().userId() : null;
	}

	@Override
	public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
	}

	@Override
	public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
	}

}
