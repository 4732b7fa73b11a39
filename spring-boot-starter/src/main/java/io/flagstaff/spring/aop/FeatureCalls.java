package io.flagstaff.spring.aop;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.flagstaff.spring.FeatureCallRecorder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Times guarded and routed calls and hands evaluations and outcomes to every
 * {@link FeatureCallRecorder}. A recorder that throws is logged once and otherwise
 * ignored: recording never fails the business call. {@code CompletionStage}, {@code Mono}
 * and {@code Flux} results are recorded when they complete. Thread-safe.
 */
public final class FeatureCalls {

	private static final Log logger = LogFactory.getLog(FeatureCalls.class);

	private final FeatureCallRecorder[] recorders;

	private final Set<Class<?>> failingRecorders = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the recorder hub.
	 * @param recorders the recorders, called in order
	 */
	public FeatureCalls(List<FeatureCallRecorder> recorders) {
		this.recorders = recorders.toArray(FeatureCallRecorder[]::new);
	}

	/**
	 * Returns the recorders.
	 * @return an unmodifiable list
	 */
	public List<FeatureCallRecorder> recorders() {
		return List.of(this.recorders);
	}

	/**
	 * Records an evaluation.
	 * @param feature the flag key
	 * @param result {@code on}, {@code off} or the variant
	 */
	public void evaluated(String feature, String result) {
		for (FeatureCallRecorder recorder : this.recorders) {
			try {
				recorder.recordEvaluation(feature, result);
			}
			catch (RuntimeException ex) {
				recorderFailed(recorder, ex);
			}
		}
	}

	/**
	 * Reads the clock at the start of a call that {@link #completed} or {@link #failed}
	 * will record (callers time the call inline, so nothing captures it in a lambda).
	 * @return the start time in nanoseconds, or {@code 0} when there is no recorder
	 */
	public long start() {
		return (this.recorders.length == 0) ? 0 : System.nanoTime();
	}

	/**
	 * Records a call that returned; asynchronous results are recorded on completion.
	 * @param feature the flag key
	 * @param variant the variant or strategy side, or {@code null}
	 * @param start what {@link #start()} returned before the call
	 * @param result what the call returned
	 * @return the result (a reactive result is wrapped to record on completion)
	 */
	public @Nullable Object completed(String feature, @Nullable String variant, long start, @Nullable Object result) {
		if (this.recorders.length == 0) {
			return result;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> {
				if (failure == null) {
					success(feature, variant, System.nanoTime() - start);
				}
				else {
					failure(feature, variant, System.nanoTime() - start, unwrap(failure));
				}
			});
			return result;
		}
		if (result != null && ReactiveSupport.isReactive(result.getClass())) {
			return ReactiveSupport.timed(this, feature, variant, result);
		}
		success(feature, variant, System.nanoTime() - start);
		return result;
	}

	/**
	 * Records a call that returned without a result to watch (a primitive or
	 * {@code void}).
	 * @param feature the flag key
	 * @param variant the variant or strategy side, or {@code null}
	 * @param start what {@link #start()} returned before the call
	 */
	public void succeeded(String feature, @Nullable String variant, long start) {
		if (this.recorders.length != 0) {
			success(feature, variant, System.nanoTime() - start);
		}
	}

	/**
	 * Records a call that threw.
	 * @param feature the flag key
	 * @param variant the variant or strategy side, or {@code null}
	 * @param start what {@link #start()} returned before the call
	 * @param failure what the call threw
	 */
	public void failed(String feature, @Nullable String variant, long start, Throwable failure) {
		if (this.recorders.length != 0) {
			failure(feature, variant, System.nanoTime() - start, failure);
		}
	}

	void success(String feature, @Nullable String variant, long nanos) {
		for (FeatureCallRecorder recorder : this.recorders) {
			try {
				recorder.recordSuccess(feature, variant, nanos);
			}
			catch (RuntimeException ex) {
				recorderFailed(recorder, ex);
			}
		}
	}

	void failure(String feature, @Nullable String variant, long nanos, Throwable failure) {
		for (FeatureCallRecorder recorder : this.recorders) {
			try {
				recorder.recordFailure(feature, variant, nanos, failure);
			}
			catch (RuntimeException ex) {
				recorderFailed(recorder, ex);
			}
		}
	}

	private void recorderFailed(FeatureCallRecorder recorder, RuntimeException ex) {
		if (this.failingRecorders.add(recorder.getClass())) {
			logger.warn(
					"Feature call recorder " + recorder.getClass().getName()
							+ " failed; the call went on unaffected (further failures of this recorder are not logged)",
					ex);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
