package io.flagstaff.spring.strategy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two kinds of router (the class generated next to the interface, and the JDK proxy
 * used when no class can be defined there) pass the same tests.
 */
class RouterClassesTests {

	private final Flagstaff flagstaff = Flagstaff
		.builder(new InMemoryFeatureStore(FeatureSet.of(FeatureDefinition.builder("calc").build())))
		.build();

	private final Queue<String> recorded = new ConcurrentLinkedQueue<>();

	@AfterEach
	void close() {
		this.flagstaff.close();
	}

	private Calculator router(Kind kind) {
		return (Calculator) router(kind, Calculator.class, new NewCalculator(), new OldCalculator());
	}

	private Object router(Kind kind, Class<?> type, Object on, Object off) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("flagstaff", this.flagstaff);
		beanFactory.registerSingleton("featureCalls", new FeatureCalls(List.of(new Recorder())));
		beanFactory.registerSingleton("onBean", on);
		beanFactory.registerSingleton("offBean", off);
		StrategyRouterFactoryBean factory = new StrategyRouterFactoryBean(new StrategyGroup("calc", type, false,
				Map.of(StrategyGroup.ON, "onBean", StrategyGroup.OFF, "offBean"), null), kind == Kind.GENERATED_CLASS);
		factory.setBeanFactory(beanFactory);
		Object router = factory.getObject();
		assertThat(Proxy.isProxyClass(router.getClass())).isEqualTo(kind == Kind.JDK_PROXY);
		return router;
	}

	@Test
	void routesThroughAGeneratedClassNextToThePackagePrivateInterfaceWhenItCan() {
		Calculator router = router(Kind.GENERATED_CLASS);
		assertThat(router.getClass().getPackageName()).isEqualTo(Calculator.class.getPackageName());
		assertThat(router.getClass().getSimpleName()).startsWith("RouterClassesTests$Calculator_FlagstaffRouter_");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void isNoSpringAopProxy(Kind kind) {
		assertThat(AopUtils.isAopProxy(router(kind))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void passesEveryKindOfArgumentAndResultToTheChosenBean(Kind kind) throws Exception {
		Calculator router = router(kind);
		assertThat(router.add(2, 3)).isEqualTo(5);
		assertThat(router.mix(1L, 0.5, 'x', true, (short) 2, (byte) 3, 1.5f, "s"))
			.isEqualTo("new 1 0.5 x true 2 3 1.5 s");
		assertThat(router.squares(new int[] { 2, 3 })).containsExactly(4, 9);
		router.touch();
		assertThat(router.later(4).toCompletableFuture().join()).isEqualTo("new 4");
		assertThat(router.greeting()).isEqualTo("hello from new");
		this.flagstaff.overrides().force("calc", false);
		assertThat(router.add(2, 3)).isEqualTo(-1);
		assertThat(router.greeting()).isEqualTo("hello from old");
		assertThat(this.recorded).contains("eval on", "eval off", "success on", "success off");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void rethrowsWhatTheBeanThrowsUnchangedAndRecordsIt(Kind kind) {
		Calculator router = router(kind);
		assertThatThrownBy(router::read).isExactlyInstanceOf(IOException.class).hasMessage("disk gone");
		assertThatThrownBy(() -> router.open("x")).isExactlyInstanceOf(FileNotFoundException.class)
			.hasMessage("no x")
			.hasNoCause();
		assertThatThrownBy(() -> router.fail(7)).isExactlyInstanceOf(IllegalStateException.class).hasMessage("fail 7");
		assertThatThrownBy(router::broken).isExactlyInstanceOf(AssertionError.class).hasMessage("broken");
		assertThat(this.recorded).contains("failure on IOException", "failure on FileNotFoundException",
				"failure on IllegalStateException", "failure on AssertionError");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void describesTheRouterWithoutEvaluatingTheFlagOrCallingABean(Kind kind) {
		Calculator router = router(kind);
		assertThat(router.toString()).startsWith("StrategyRouter[Calculator for feature 'calc', beans=");
		assertThat(this.recorded).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void isEqualOnlyToItselfWithAnIdentityHashCode(Kind kind) {
		Calculator router = router(kind);
		Calculator other = router(kind);
		assertThat(router).isEqualTo(router);
		assertThat(router.equals(other)).isFalse();
		assertThat(router.equals(null)).isFalse();
		assertThat(router.hashCode()).isEqualTo(System.identityHashCode(router));
		assertThat(other.hashCode()).isEqualTo(System.identityHashCode(other));
		assertThat(Set.of(router, other)).hasSize(2);
		assertThat(this.recorded).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void keepsObjectSemanticsWhenTheInterfaceRedeclaresObjectMethods(Kind kind) {
		Named router = (Named) router(kind, Named.class, new NamedBean("on"), new NamedBean("off"));
		assertThat(router.name()).isEqualTo("on");
		assertThat(router.toString()).startsWith("StrategyRouter[Named for feature 'calc'");
		assertThat(router.equals(new NamedBean("on"))).isFalse();
		assertThat(router.hashCode()).isEqualTo(System.identityHashCode(router));
		assertThat(this.recorded).containsExactly("eval on", "success on");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void routesReactiveMethodsAtSubscription(Kind kind) {
		Mono<String> mono = router(kind).reactive(5);
		this.flagstaff.overrides().force("calc", false);
		StepVerifier.create(mono).expectNext("old 5").verifyComplete();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void routesCovariantOverridesOfGenericInterfaces(Kind kind) {
		NameRepository names = (NameRepository) router(kind, NameRepository.class, (NameRepository) (id) -> "new-" + id,
				(NameRepository) (id) -> "old-" + id);
		Repository<String> generic = names;
		assertThat(names.find("1")).isEqualTo("new-1");
		assertThat(generic.find("2")).isEqualTo("new-2");
		this.flagstaff.overrides().force("calc", false);
		assertThat(generic.find("3")).isEqualTo("old-3");
	}

	enum Kind {

		GENERATED_CLASS, JDK_PROXY

	}

	interface Named {

		String name();

		@Override
		String toString();

		@Override
		boolean equals(Object other);

		@Override
		int hashCode();

	}

	record NamedBean(String name) implements Named {
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

		String open(String name) throws IOException;

		void broken();

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
		public String open(String name) throws IOException {
			throw new FileNotFoundException("no " + name);
		}

		@Override
		public void broken() {
			throw new AssertionError("broken");
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
