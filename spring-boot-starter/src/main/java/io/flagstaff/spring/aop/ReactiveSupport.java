package io.flagstaff.spring.aop;

import java.util.function.Function;

import io.flagstaff.spring.FeatureScope;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Reactor support, safe to load and call without Reactor: no Reactor or Reactive Streams
 * type appears in this class, so the verifier never needs them. The Reactor-typed code
 * lives in {@link ReactorSupport}, reached only after {@link #isReactive(Class)} returned
 * {@code true}, which it never does without Reactor.
 */
public final class ReactiveSupport {

	/** Whether Reactor is on the class path; check it before calling any other method. */
	static final boolean PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReactiveSupport.class.getClassLoader());

	private ReactiveSupport() {
	}

	/**
	 * Returns whether a type is a {@code Mono} or {@code Flux} (always {@code false}
	 * without Reactor).
	 * @param type the type
	 * @return whether it is reactive
	 */
	public static boolean isReactive(Class<?> type) {
		return PRESENT && ReactorSupport.isReactive(type);
	}

	static Object timed(FeatureCalls calls, String feature, @Nullable String variant, Object result) {
		return ReactorSupport.timed(calls, feature, variant, result);
	}

	/**
	 * Defers a decision to subscription time, where the scope pinned in the Reactor
	 * context (or, failing that, the thread's) is known. Call only for a type
	 * {@link #isReactive(Class)} accepted.
	 * @param returnType the declared return type ({@code Mono} or {@code Flux})
	 * @param body builds the publisher from the scope, or {@code null} when none is
	 * pinned
	 * @return the deferred publisher
	 */
	public static Object deferWithScope(Class<?> returnType, Function<@Nullable FeatureScope, Object> body) {
		return ReactorSupport.deferWithScope(returnType, body);
	}

	/**
	 * Returns a failed {@code Mono} or {@code Flux}. Call only for a type
	 * {@link #isReactive(Class)} accepted.
	 * @param returnType the declared return type
	 * @param error the failure
	 * @return the failed publisher
	 */
	public static Object error(Class<?> returnType, Throwable error) {
		return ReactorSupport.error(returnType, error);
	}

}
