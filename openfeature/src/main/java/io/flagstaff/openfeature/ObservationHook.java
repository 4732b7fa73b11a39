package io.flagstaff.openfeature;

import java.util.Map;
import java.util.Objects;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.Telemetry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * An OpenFeature hook that records each evaluation on the current Micrometer
 * {@link Observation} (the span of the request, with Micrometer Tracing) by the
 * OpenTelemetry semantic conventions for feature flags: the attributes
 * {@code feature_flag.key}, {@code feature_flag.result.variant} (or
 * {@code feature_flag.result.value} when no variant), {@code feature_flag.provider.name},
 * {@code feature_flag.context.id} (the targeting key), {@code feature_flag.result.reason}
 * and, for errors, {@code error.type} as high-cardinality key values, and an event named
 * {@code feature_flag.evaluation} (contextual name {@code feature_flag.evaluation
 * <key>=<variant>}), so an observation that evaluates several flags lists each one as an
 * event while its attributes hold the last. Does nothing when no observation is current.
 * Add it to a client or to the API; it needs {@code micrometer-observation} on the
 * classpath, so an application without Micrometer never loads it. Thread-safe.
 */
public final class ObservationHook implements Hook<Object> {

	private final ObservationRegistry registry;

	/**
	 * Creates the hook.
	 * @param registry where the current observation is found
	 */
	public ObservationHook(ObservationRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void finallyAfter(HookContext<Object> context, FlagEvaluationDetails<Object> details,
			Map<String, Object> hints) {
		Observation observation = this.registry.getCurrentObservation();
		if (observation == null) {
			return;
		}
		Map<String, Object> attributes = Telemetry.createEvaluationEvent(context, details).getAttributes();
		attributes.forEach((key, value) -> {
			if (value != null) {
				observation.highCardinalityKeyValue(key, String.valueOf(value));
			}
		});
		Object result = (details.getVariant() != null) ? details.getVariant() : details.getValue();
		observation.event(Observation.Event.of(Telemetry.FLAG_EVALUATION_EVENT_NAME,
				Telemetry.FLAG_EVALUATION_EVENT_NAME + " " + context.getFlagKey() + "=" + result));
	}

}
