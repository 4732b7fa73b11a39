package io.flagstaff.spring.aop;

import java.util.function.Function;

import io.flagstaff.spring.FeatureScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The Reactor-typed half of {@link ReactiveSupport}; loaded only when Reactor is present.
 */
final class ReactorSupport {

	private ReactorSupport() {
	}

	static boolean isReactive(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
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

	static Object deferWithScope(Class<?> returnType, Function<@Nullable FeatureScope, Object> body) {
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

	static Object error(Class<?> returnType, Throwable error) {
		return Mono.class.isAssignableFrom(returnType) ? Mono.error(error) : Flux.error(error);
	}

}
