package io.flagstaff.spring.metrics;

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
 * Thread-safe.
 */
public final class MicrometerFeatureCallRecorder implements FeatureCallRecorder {

	/** The name of the call timer. */
	public static final String CALLS = "flagstaff.calls";

	/** The name of the evaluation counter. */
	public static final String EVALUATIONS = "flagstaff.evaluations";

	private final MeterRegistry registry;

	/**
	 * Creates the recorder.
	 * @param registry where meters are registered
	 */
	public MicrometerFeatureCallRecorder(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void recordEvaluation(String feature, String result) {
		Counter.builder(EVALUATIONS)
			.description("Flag evaluations made by guarded methods and strategy proxies")
			.tag("feature", feature)
			.tag("result", result)
			.register(this.registry)
			.increment();
	}

	@Override
	public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
		timer(feature, variant, "success", "none").record(durationNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
		String simpleName = failure.getClass().getSimpleName();
		String exception = simpleName.isEmpty() ? failure.getClass().getName() : simpleName;
		timer(feature, variant, "failure", exception).record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private Timer timer(String feature, @Nullable String variant, String outcome, String exception) {
		return Timer.builder(CALLS)
			.description("Calls of guarded methods and strategy implementations")
			.tag("feature", feature)
			.tag("variant", (variant != null) ? variant : "none")
			.tag("outcome", outcome)
			.tag("exception", exception)
			.register(this.registry);
	}

}
