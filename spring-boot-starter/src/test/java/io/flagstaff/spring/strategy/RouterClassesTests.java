package io.flagstaff.spring.strategy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.store.InMemoryFeatureStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RouterClassesTests {

	private final Flagstaff flagstaff = Flagstaff
		.builder(new InMemoryFeatureStore(FeatureSet.of(FeatureDefinition.builder("calc").build())))
		.build();

	private final Queue<String> recorded = new ConcurrentLinkedQueue<>();

	private final Calculator router = router();

	@AfterEach
	void close() {
		this.flagstaff.close();
	}

	private Calculator router() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("flagstaff", this.flagstaff);
		beanFactory.registerSingleton("featureCalls", new FeatureCalls(List.of(new Recorder())));
		beanFactory.registerSingleton("newCalculator", new NewCalculator());
		beanFactory.registerSingleton("oldCalculator", new OldCalculator());
		StrategyRouterFactoryBean factory = new StrategyRouterFactoryBean(new StrategyGroup("calc", Calculator.class,
				false, Map.of(StrategyGroup.ON, "newCalculator", StrategyGroup.OFF, "oldCalculator"), null));
		factory.setBeanFactory(beanFactory);
		return (Calculator) factory.getObject();
	}

	@Test
	void routesThroughAGeneratedClassNextToThePackagePrivateInterface() {
		assertThat(Proxy.isProxyClass(this.router.getClass())).isFalse();
		assertThat(AopUtils.isAopProxy(this.router)).isFalse();
		assertThat(this.router.getClass().getPackageName()).isEqualTo(Calculator.class.getPackageName());
		assertThat(this.router.toString()).startsWith("StrategyRouter[Calculator for feature 'calc', beans=");
	}

	@Test
	void passesEveryKindOfArgumentAndResultToTheChosenBean() throws Exception {
		assertThat(this.router.add(2, 3)).isEqualTo(5);
		assertThat(this.router.mix(1L, 0.5, 'x', true, (short) 2, (byte) 3, 1.5f, "s"))
			.isEqualTo("new 1 0.5 x true 2 3 1.5 s");
		assertThat(this.router.squares(new int[] { 2, 3 })).containsExactly(4, 9);
		this.router.touch();
		assertThat(this.router.later(4).toCompletableFuture().join()).isEqualTo("new 4");
		assertThat(this.router.greeting()).isEqualTo("hello from new");
		this.flagstaff.overrides().force("calc", false);
		assertThat(this.router.add(2, 3)).isEqualTo(-1);
		assertThat(this.router.greeting()).isEqualTo("hello from old");
		assertThat(this.recorded).contains("eval on", "eval off", "success on", "success off");
	}

	@Test
	void rethrowsAndRecordsWhatTheBeanThrows() {
		assertThatExceptionOfType(IOException.class).isThrownBy(this.router::read).withMessage("disk gone");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.router.fail(7))
			.withMessage("fail 7");
		assertThat(this.recorded).contains("failure on IOException", "failure on IllegalStateException");
	}

	@Test
	void routesReactiveMethodsAtSubscription() {
		Mono<String> mono = this.router.reactive(5);
		this.flagstaff.overrides().force("calc", false);
		StepVerifier.create(mono).expectNext("old 5").verifyComplete();
	}

	@Test
	void routesCovariantOverridesOfGenericInterfaces() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("flagstaff", this.flagstaff);
		beanFactory.registerSingleton("featureCalls", new FeatureCalls(List.of(new Recorder())));
		beanFactory.registerSingleton("newNames", (NameRepository) (id) -> "new-" + id);
		beanFactory.registerSingleton("oldNames", (NameRepository) (id) -> "old-" + id);
		StrategyRouterFactoryBean factory = new StrategyRouterFactoryBean(
				new StrategyGroup("calc", NameRepository.class, false,
						Map.of(StrategyGroup.ON, "newNames", StrategyGroup.OFF, "oldNames"), null));
		factory.setBeanFactory(beanFactory);
		NameRepository names = (NameRepository) factory.getObject();
		Repository<String> generic = names;
		assertThat(names.find("1")).isEqualTo("new-1");
		assertThat(generic.find("2")).isEqualTo("new-2");
		this.flagstaff.overrides().force("calc", false);
		assertThat(generic.find("3")).isEqualTo("old-3");
	}

	interface Repository<T> {

		T find(String id);

	}

	@FunctionalInterface
	interface NameRepository extends Repository<String> {

		@Override
		String find(String id);

	}

	interface Calculator extends Greeter {

		int add(int a, int b);

		String mix(long l, double d, char c, boolean b, short s, byte y, float f, String text);

		int[] squares(int[] values);

		void touch();

		CompletionStage<String> later(int n);

		String read() throws IOException;

		long fail(int n);

		Mono<String> reactive(int n);

	}

	public interface Greeter {

		default String greeting() {
			return "hello";
		}

	}

	static class NewCalculator implements Calculator {

		@Override
		public int add(int a, int b) {
			return a + b;
		}

		@Override
		public String mix(long l, double d, char c, boolean b, short s, byte y, float f, String text) {
			return "new " + l + " " + d + " " + c + " " + b + " " + s + " " + y + " " + f + " " + text;
		}

		@Override
		public int[] squares(int[] values) {
			return new int[] { values[0] * values[0], values[1] * values[1] };
		}

		@Override
		public void touch() {
		}

		@Override
		public CompletionStage<String> later(int n) {
			return CompletableFuture.completedFuture("new " + n);
		}

		@Override
		public String read() throws IOException {
			throw new IOException("disk gone");
		}

		@Override
		public long fail(int n) {
			throw new IllegalStateException("fail " + n);
		}

		@Override
		public Mono<String> reactive(int n) {
			return Mono.just("new " + n);
		}

		@Override
		public String greeting() {
			return "hello from new";
		}

	}

	static class OldCalculator extends NewCalculator {

		@Override
		public int add(int a, int b) {
			return -1;
		}

		@Override
		public Mono<String> reactive(int n) {
			return Mono.just("old " + n);
		}

		@Override
		public String greeting() {
			return "hello from old";
		}

	}

	class Recorder implements FeatureCallRecorder {

		@Override
		public void recordEvaluation(String feature, String result) {
			RouterClassesTests.this.recorded.add("eval " + result);
		}

		@Override
		public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
			RouterClassesTests.this.recorded.add("success " + variant);
		}

		@Override
		public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
			RouterClassesTests.this.recorded.add("failure " + variant + " " + failure.getClass().getSimpleName());
		}

	}

}
