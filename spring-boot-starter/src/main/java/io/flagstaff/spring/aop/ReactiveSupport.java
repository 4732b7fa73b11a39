package io.flagstaff.spring.aop;

import java.util.function.Function;

import io.flagstaff.spring.FeatureScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.util.ClassUtils;

/**
 * Reactor support. Its Reactor-typed methods are called only after
 * {@link #isReactive(Class)} returned {@code true}, so the class loads without Reactor.
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
		return PRESENT && Types.isReactive(type);
	}

	static Object timed(FeatureCalls calls, String feature, @Nullable String variant, Object result) {
		if (result instanceof Mono<?> mono) {
			return Mono.defer(() -> {
				long start = System.nanoTime();
				return mono.doOnSuccess((value) -> calls.success(feature, variant, System.nanoTime() - start))
					.doOnError((ex) -> calls.failure(feature, variant, System.nanoTime() - start, ex));
			});
		}
		Flux<?> flux = (Flux<?>) result;
		return Flux.defer(() -> {
			long start = System.nanoTime();
			return flux.doOnComplete(() -> calls.success(feature, variant, System.nanoTime() - start))
				.doOnError((ex) -> calls.failure(feature, variant, System.nanoTime() - start, ex));
		});
	}

	/**
	 * Defers a decision to subscription time, where the scope pinned in the Reactor
	 * context (or, failing that, the thread's) is known.
	 * @param returnType the declared return type ({@code Mono} or {@code Flux})
	 * @param body builds the publisher from the scope, or {@code null} when none is
	 * pinned
	 * @return the deferred publisher
	 */
	public static Object deferWithScope(Class<?> returnType, Function<@Nullable FeatureScope, Object> body) {
		if (Mono.class.isAssignableFrom(returnType)) {
			return Mono.deferContextual((context) -> Mono.from(publisher(body.apply(scope(context)))));
		}
		return Flux.deferContextual((context) -> Flux.from(publisher(body.apply(scope(context)))));
	}

	private static org.reactivestreams.Publisher<?> publisher(Object result) {
		return (org.reactivestreams.Publisher<?>) result;
	}

	private static @Nullable FeatureScope scope(ContextView context) {
		FeatureScope scope = context.getOrDefault(FeatureScope.CONTEXT_KEY, null);
		return (scope != null) ? scope : FeatureScope.current();
	}

	/**
	 * Returns a failed {@code Mono} or {@code Flux}.
	 * @param returnType the declared return type
	 * @param error the failure
	 * @return the failed publisher
	 */
	public static Object error(Class<?> returnType, Throwable error) {
		return Mono.class.isAssignableFrom(returnType) ? Mono.error(error) : Flux.error(error);
	}

	/**
	 * Type checks kept apart so that {@link ReactiveSupport} loads without Reactor.
	 */
	static final class Types {

		private Types() {
		}

		static boolean isReactive(Class<?> type) {
			return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
		}

	}

}
