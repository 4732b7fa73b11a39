package io.flagstaff.spring.aop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.store.InMemoryFeatureStore;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;

/**
 * Guarded calls made inside a class loader without Reactor, by
 * {@link ReactorAbsentTests}: it returns what happened, one line per step.
 */
public class ReactorFreeCalls implements Supplier<List<String>> {

	@Override
	public List<String> get() {
		List<String> steps = new ArrayList<>();
		AtomicInteger successes = new AtomicInteger();
		FeatureCallRecorder recorder = new FeatureCallRecorder() {

			@Override
			public void recordSuccess(String feature, @Nullable String variant, long nanos) {
				successes.incrementAndGet();
			}

			@Override
			public void recordFailure(String feature, @Nullable String variant, long nanos, Throwable failure) {
			}

		};
		try (Flagstaff flagstaff = Flagstaff
			.builder(new InMemoryFeatureStore(FeatureSet.of(FeatureDefinition.builder("new-checkout").build())))
			.build()) {
			ProxyFactory factory = new ProxyFactory(new Checkout());
			factory.setProxyTargetClass(true);
			factory.addAdvisor(new FeatureToggleAdvisor(flagstaff, new FeatureCalls(List.of(recorder)), 0));
			Checkout checkout = (Checkout) factory.getProxy();
			steps.add("plain " + checkout.checkout("cart-1"));
			steps.add("stage " + checkout.checkoutLater("cart-2").toCompletableFuture().join());
			flagstaff.overrides().force("new-checkout", false);
			steps.add("fallback " + checkout.checkout("cart-3"));
			steps.add("stage fallback " + checkout.checkoutLater("cart-4").toCompletableFuture().join());
			steps.add("recorded " + successes.get());
		}
		return steps;
	}

	/**
	 * A guarded service.
	 */
	public static class Checkout {

		@FeatureToggle(value = "new-checkout", fallback = "classic")
		public String checkout(String cart) {
			return "new:" + cart;
		}

		public String classic(String cart) {
			return "classic:" + cart;
		}

		@FeatureToggle(value = "new-checkout", fallback = "classicLater")
		public CompletionStage<String> checkoutLater(String cart) {
			return CompletableFuture.completedFuture("new:" + cart);
		}

		public CompletionStage<String> classicLater(String cart) {
			return CompletableFuture.completedFuture("classic:" + cart);
		}

	}

}
