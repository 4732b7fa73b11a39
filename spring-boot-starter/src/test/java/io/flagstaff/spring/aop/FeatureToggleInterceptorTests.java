package io.flagstaff.spring.aop;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureDisabledException;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.flagstaff.store.InMemoryFeatureStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FeatureToggleInterceptorTests {

	private final InMemoryFeatureStore store = new InMemoryFeatureStore(
			io.flagstaff.model.FeatureSet.of(FeatureDefinition.builder("new-checkout").build()));

	private final Flagstaff flagstaff = Flagstaff.builder(this.store).build();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final FeatureCalls calls = new FeatureCalls(List.of(new MicrometerFeatureCallRecorder(this.registry)));

	@AfterEach
	void close() {
		this.flagstaff.close();
	}

	private <T> T proxy(T target) {
		AspectJProxyFactory factory = new AspectJProxyFactory(target);
		factory.addAdvisor(new FeatureToggleAdvisor(this.flagstaff, this.calls, 0));
		return factory.getProxy();
	}

	private void turnOff() {
		this.flagstaff.overrides().force("new-checkout", false);
	}

	private double timerCount(String outcome, String exception) {
		Timer timer = this.registry.find(MicrometerFeatureCallRecorder.CALLS)
			.tags("feature", "new-checkout", "variant", "none", "outcome", outcome, "exception", exception)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private double evaluations(String result) {
		var counter = this.registry.find(MicrometerFeatureCallRecorder.EVALUATIONS)
			.tags("feature", "new-checkout", "result", result)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void runsTheMethodAndTimesItWhileTheFlagIsOn() {
		Checkout checkout = proxy(new Checkout());
		assertThat(AopUtils.isCglibProxy(checkout)).isTrue();
		assertThat(checkout.checkout("cart-1")).isEqualTo("new:cart-1");
		assertThat(timerCount("success", "none")).isEqualTo(1);
		assertThat(evaluations("on")).isEqualTo(1);
	}

	@Test
	void throwsFeatureDisabledWhileTheFlagIsOffWithoutFallback() {
		Checkout target = new Checkout();
		Checkout checkout = proxy(target);
		turnOff();
		assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(() -> checkout.checkout("cart-1"))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("new-checkout"));
		assertThat(target.calls).hasValue(0);
		assertThat(evaluations("off")).isEqualTo(1);
		assertThat(timerCount("success", "none")).isZero();
	}

	@Test
	void callsTheFallbackWithTheSameArgumentsWhileTheFlagIsOff() {
		Checkout checkout = proxy(new Checkout());
		turnOff();
		assertThat(checkout.withFallback("cart-1")).isEqualTo("old:cart-1");
	}

	@Test
	void passesTheExceptionToAFallbackThatTakesIt() {
		Checkout checkout = proxy(new Checkout());
		turnOff();
		assertThat(checkout.withExplainingFallback("cart-1")).isEqualTo("new-checkout is off for cart-1");
	}

	@Test
	void recordsAFailureWithTheExceptionTagAndRethrowsIt() {
		Checkout checkout = proxy(new Checkout());
		assertThatIllegalStateException().isThrownBy(checkout::failing).withMessage("boom");
		assertThat(timerCount("failure", "IllegalStateException")).isEqualTo(1);
	}

	@Test
	void tagsAnAnonymousExceptionWithItsClassName() {
		MicrometerFeatureCallRecorder recorder = new MicrometerFeatureCallRecorder(this.registry);
		RuntimeException anonymous = new RuntimeException() {
		};
		recorder.recordFailure("new-checkout", null, 1, anonymous);
		assertThat(timerCount("failure", anonymous.getClass().getName())).isEqualTo(1);
	}

	@Test
	void failsAsynchronouslyForACompletionStageWhileTheFlagIsOff() {
		Checkout checkout = proxy(new Checkout());
		turnOff();
		CompletableFuture<String> result = checkout.async("cart-1");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.withCauseInstanceOf(FeatureDisabledException.class);
	}

	@Test
	void recordsACompletionStageWhenItCompletes() {
		Checkout target = new Checkout();
		Checkout checkout = proxy(target);
		CompletableFuture<String> result = checkout.async("cart-1");
		assertThat(timerCount("success", "none")).isZero();
		target.pending.completeExceptionally(new IllegalArgumentException("late"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join);
		assertThat(timerCount("failure", "IllegalArgumentException")).isEqualTo(1);
	}

	@Test
	void decidesAMonoAtSubscriptionAndRecordsItOnCompletion() {
		Checkout checkout = proxy(new Checkout());
		Mono<String> mono = checkout.mono("cart-1");
		turnOff();
		StepVerifier.create(mono).expectError(FeatureDisabledException.class).verify();
		this.flagstaff.overrides().clear("new-checkout");
		StepVerifier.create(checkout.mono("cart-2")).expectNext("new:cart-2").verifyComplete();
		assertThat(timerCount("success", "none")).isEqualTo(1);
	}

	@Test
	void usesTheScopeInTheReactorContextForAFlux() {
		Checkout checkout = proxy(new Checkout());
		FeatureScope pinnedOn = FeatureScope.pin(this.flagstaff, FeatureContext.empty());
		turnOff();
		StepVerifier
			.create(checkout.flux("cart-1").contextWrite((context) -> context.put(FeatureScope.CONTEXT_KEY, pinnedOn)))
			.expectNext("new:cart-1", "again:cart-1")
			.verifyComplete();
		StepVerifier.create(checkout.flux("cart-1")).expectError(FeatureDisabledException.class).verify();
	}

	@Test
	void keepsAnsweringFromThePinnedSnapshotWhenTheFlagFlipsMidScope() {
		Checkout checkout = proxy(new Checkout());
		FeatureScope.Opened opened = FeatureScope.pin(this.flagstaff, FeatureContext.ofUser("u-1")).open();
		try {
			turnOff();
			assertThat(checkout.checkout("cart-1")).isEqualTo("new:cart-1");
		}
		finally {
			opened.close();
		}
		assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(() -> checkout.checkout("cart-1"));
	}

	@Test
	void guardsEveryPublicMethodOfAnAnnotatedTypeBehindAJdkProxy() {
		Reports reports = proxy(new GuardedReports());
		assertThat(AopUtils.isJdkDynamicProxy(reports)).isTrue();
		assertThat(reports.monthly()).isEqualTo("monthly");
		this.flagstaff.overrides().force("new-checkout", false);
		assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(reports::monthly);
	}

	@Test
	void neverLetsAFailingRecorderBreakTheCall() {
		FeatureCallRecorder broken = new FeatureCallRecorder() {

			@Override
			public void recordEvaluation(String feature, String result) {
				throw new IllegalStateException("recorder down");
			}

			@Override
			public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
				throw new IllegalStateException("recorder down");
			}

			@Override
			public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
				throw new IllegalStateException("recorder down");
			}

		};
		AspectJProxyFactory factory = new AspectJProxyFactory(new Checkout());
		factory.addAdvisor(new FeatureToggleAdvisor(this.flagstaff, new FeatureCalls(List.of(broken)), 0));
		Checkout checkout = factory.getProxy();
		assertThat(checkout.checkout("cart-1")).isEqualTo("new:cart-1");
		assertThatIllegalStateException().isThrownBy(checkout::failing).withMessage("boom");
	}

	@Test
	void rejectsAFallbackThatDoesNotExistWhenTheMethodIsFirstMatched() throws NoSuchMethodException {
		assertThatIllegalStateException()
			.isThrownBy(() -> GuardSpec.find(BadFallback.class.getMethod("run", String.class), BadFallback.class))
			.withMessageContaining("fallback = \"missing\"")
			.withMessageContaining("declare a method missing(String");
	}

	static class Checkout {

		final AtomicInteger calls = new AtomicInteger();

		final CompletableFuture<String> pending = new CompletableFuture<>();

		@FeatureToggle("new-checkout")
		public String checkout(String cart) {
			this.calls.incrementAndGet();
			return "new:" + cart;
		}

		@FeatureToggle(value = "new-checkout", fallback = "oldCheckout")
		public String withFallback(String cart) {
			return "new:" + cart;
		}

		String oldCheckout(String cart) {
			return "old:" + cart;
		}

		@FeatureToggle(value = "new-checkout", fallback = "explain")
		public String withExplainingFallback(String cart) {
			return "new:" + cart;
		}

		String explain(String cart, FeatureDisabledException ex) {
			return ex.getKey() + " is off for " + cart;
		}

		@FeatureToggle("new-checkout")
		public String failing() {
			throw new IllegalStateException("boom");
		}

		@FeatureToggle("new-checkout")
		public CompletableFuture<String> async(String cart) {
			return this.pending;
		}

		@FeatureToggle("new-checkout")
		public Mono<String> mono(String cart) {
			return Mono.fromSupplier(() -> "new:" + cart);
		}

		@FeatureToggle("new-checkout")
		public Flux<String> flux(String cart) {
			return Flux.just("new:" + cart, "again:" + cart);
		}

	}

	interface Reports {

		String monthly();

	}

	@FeatureToggle("new-checkout")
	static class GuardedReports implements Reports {

		@Override
		public String monthly() {
			return "monthly";
		}

	}

	static class BadFallback {

		@FeatureToggle(value = "new-checkout", fallback = "missing")
		public String run(String input) {
			return input;
		}

	}

}
