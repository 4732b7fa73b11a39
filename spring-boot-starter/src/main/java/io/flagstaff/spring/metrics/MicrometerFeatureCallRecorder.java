package io.flagstaff.spring.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.flagstaff.spring.FeatureCallRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records Micrometer meters:
 * <ul>
 * <li>{@code flagstaff.calls} (timer), tags {@code feature}, {@code variant}
 * ({@code none} for a guarded method, {@code on} / {@code off} for a toggle strategy, the
 * variant name otherwise), {@code outcome} ({@code success} / {@code failure}) and
 * {@code exception} (simple class name, {@code none} on success);</li>
 * <li>{@code flagstaff.evaluations} (counter), tags {@code feature} and {@code result}
 * ({@code on}, {@code off} or the variant).</li>
 * </ul>
 * Meters are registered on first use and kept per feature, variant, outcome and exception
 * class, so recording an evaluation or a success allocates nothing beyond what the meter
 * itself does. A meter removed from the registry afterwards keeps being updated here but
 * is no longer published. Thread-safe.
 */
public final class MicrometerFeatureCallRecorder implements FeatureCallRecorder {

	/** The name of the call timer. */
	public static final String CALLS = "flagstaff.calls";

	/** The name of the evaluation counter. */
	public static final String EVALUATIONS = "flagstaff.evaluations";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final ConcurrentMap<String, FeatureMeters> features = new ConcurrentHashMap<>();

	/**
	 * Creates the recorder.
	 * @param registry where meters are registered
	 */
	public MicrometerFeatureCallRecorder(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void recordEvaluation(String feature, String result) {
		meters(feature).evaluations(result).increment();
	}

	@Override
	public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
		meters(feature).calls(variant).success().record(durationNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
		meters(feature).calls(variant).failure(failure.getClass()).record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private FeatureMeters meters(String feature) {
		FeatureMeters meters = this.features.get(feature);
		return (meters != null) ? meters : this.features.computeIfAbsent(feature, FeatureMeters::new);
	}

	/**
	 * The meters of one feature.
	 */
	private final class FeatureMeters {

		private final String feature;

		private final ConcurrentMap<String, Counter> evaluations = new ConcurrentHashMap<>();

		private final CallMeters none;

		private final ConcurrentMap<String, CallMeters> variants = new ConcurrentHashMap<>();

		FeatureMeters(String feature) {
			this.feature = feature;
			this.none = new CallMeters(feature, NONE);
		}

		Counter evaluations(String result) {
			Counter counter = this.evaluations.get(result);
			return (counter != null) ? counter : this.evaluations.computeIfAbsent(result, this::counter);
		}

		CallMeters calls(@Nullable String variant) {
			if (variant == null) {
				return this.none;
			}
			CallMeters meters = this.variants.get(variant);
			return (meters != null) ? meters
					: this.variants.computeIfAbsent(variant, (name) -> new CallMeters(this.feature, name));
		}

		private Counter counter(String result) {
			return Counter.builder(EVALUATIONS)
				.description("Flag evaluations made by guarded methods and strategy proxies")
				.tag("feature", this.feature)
				.tag("result", result)
				.register(MicrometerFeatureCallRecorder.this.registry);
		}

	}

	/**
	 * The call timers of one feature and variant.
	 */
	private final class CallMeters {

		private final String feature;

		private final String variant;

		private volatile @Nullable Timer success;

		// keyed by the tag value, not the Class, so a redeployed class loader is not kept
		private final ConcurrentMap<String, Timer> failures = new ConcurrentHashMap<>();

		CallMeters(String feature, String variant) {
			this.feature = feature;
			this.variant = variant;
		}

		Timer success() {
			Timer timer = this.success;
			if (timer == null) {
				timer = timer("success", NONE);
				this.success = timer;
			}
			return timer;
		}

		Timer failure(Class<?> type) {
			String exception = name(type);
			Timer timer = this.failures.get(exception);
			return (timer != null) ? timer : this.failures.computeIfAbsent(exception, (key) -> timer("failure", key));
		}

		private Timer timer(String outcome, String exception) {
			return Timer.builder(CALLS)
				.description("Calls of guarded methods and strategy implementations")
				.tag("feature", this.feature)
				.tag("variant", this.variant)
				.tag("outcome", outcome)
				.tag("exception", exception)
				.register(MicrometerFeatureCallRecorder.this.registry);
		}

	}

	private static String name(Class<?> type) {
		String simpleName = type.getSimpleName();
		return simpleName.isEmpty() ? type.getName() : simpleName;
	}

}
