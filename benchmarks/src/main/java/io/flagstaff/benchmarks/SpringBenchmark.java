package io.flagstaff.benchmarks;

import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.aop.FeatureToggleAdvisor;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.flagstaff.spring.strategy.StrategyGroup;
import io.flagstaff.spring.strategy.StrategyRouterFactoryBean;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Spring costs, proxies built with {@code AspectJProxyFactory} (no application context):
 * a {@code @FeatureToggle} method (guard + timing + error counting, recorded to
 * Micrometer as the starter's auto-configuration does, and with no recorder) versus the
 * same bean without the aspect versus Micrometer's {@code TimedAspect} on the same
 * method; a strategy-injection routing proxy (with the Micrometer recorder and with none)
 * versus a direct interface call plus an evaluation; and the Micrometer recorder versus a
 * bare timer. Calls run inside an open {@code FeatureScope}, as in a request.
 */
public class SpringBenchmark {

	/** The service behind the aspects; both annotations, each proxy applies one. */
	public static class Service {

		/**
		 * A cheap business method.
		 * @param n the input
		 * @return a value derived from it
		 */
		@FeatureToggle(Workload.ON_OFF)
		@Timed("bench.work")
		public int work(int n) {
			return n * 31 + 7;
		}

	}

	/** The interface of the strategy-injection case. */
	public interface Greeter {

		/**
		 * Greets.
		 * @param n the input
		 * @return a value derived from it
		 */
		int greet(int n);

	}

	/** The implementation served while the flag is on. */
	public static class NewGreeter implements Greeter {

		@Override
		public int greet(int n) {
			return n * 31 + 7;
		}

	}

	/** The implementation served while the flag is off. */
	public static class OldGreeter implements Greeter {

		@Override
		public int greet(int n) {
			return n * 17 + 3;
		}

	}

	/** Proxies and targets, shared by the threads. */
	@State(Scope.Benchmark)
	public static class Beans {

		Flagstaff flagstaff = FlagstaffScenarios.create();

		Service plain = new Service();

		Service guarded;

		Service guardedNoMetrics;

		Service timed;

		Greeter onGreeter = new NewGreeter();

		Greeter offGreeter = new OldGreeter();

		Greeter routing;

		Greeter routingNoRecorder;

		MicrometerFeatureCallRecorder recorder;

		Timer timer;

		/** Builds the proxies. */
		@Setup(Level.Trial)
		public void setUp() {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			this.recorder = new MicrometerFeatureCallRecorder(registry);
			this.timer = Timer.builder("bench.timer").tag("feature", Workload.ON_OFF).register(registry);
			FeatureCalls calls = new FeatureCalls(List.of(new MicrometerFeatureCallRecorder(registry)));
			this.guarded = guard(calls);
			this.guardedNoMetrics = guard(new FeatureCalls(List.of()));
			AspectJProxyFactory timedFactory = new AspectJProxyFactory(new Service());
			timedFactory.addAspect(new TimedAspect(registry));
			this.timed = timedFactory.getProxy();
			this.routing = router(calls);
			this.routingNoRecorder = router(new FeatureCalls(List.of()));
		}

		private Greeter router(FeatureCalls calls) {
			DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
			beanFactory.registerSingleton("flagstaff", this.flagstaff);
			beanFactory.registerSingleton("featureCalls", calls);
			beanFactory.registerSingleton("newGreeter", this.onGreeter);
			beanFactory.registerSingleton("oldGreeter", this.offGreeter);
			StrategyRouterFactoryBean router = new StrategyRouterFactoryBean(
					new StrategyGroup(Workload.ON_OFF, Greeter.class, false,
							java.util.Map.of(StrategyGroup.ON, "newGreeter", StrategyGroup.OFF, "oldGreeter"), null));
			router.setBeanFactory(beanFactory);
			return (Greeter) router.getObject();
		}

		private Service guard(FeatureCalls calls) {
			AspectJProxyFactory factory = new AspectJProxyFactory(new Service());
			factory.addAdvisor(new FeatureToggleAdvisor(this.flagstaff, calls, 0));
			return factory.getProxy();
		}

		/** Closes the evaluator. */
		@TearDown(Level.Trial)
		public void tearDown() {
			this.flagstaff.close();
		}

	}

	/** The request: one context and one open scope per thread and iteration. */
	@State(Scope.Thread)
	public static class Request {

		FeatureContext context;

		FeatureScope.Opened opened;

		int n;

		/**
		 * Opens the scope on the benchmark thread.
		 * @param beans the shared beans
		 */
		@Setup(Level.Iteration)
		public void open(Beans beans) {
			this.context = FlagstaffScenarios.context(7);
			this.opened = FeatureScope.pin(beans.flagstaff, this.context).open();
		}

		/** Closes the scope. */
		@TearDown(Level.Iteration)
		public void close() {
			this.opened.close();
		}

	}

	/**
	 * The bean without any aspect.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int plainBean(Beans beans, Request request) {
		return beans.plain.work(request.n++);
	}

	/**
	 * The {@code @FeatureToggle} aspect with Micrometer recording.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int featureToggleAspect(Beans beans, Request request) {
		return beans.guarded.work(request.n++);
	}

	/**
	 * The {@code @FeatureToggle} aspect with no recorder.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int featureToggleNoRecorder(Beans beans, Request request) {
		return beans.guardedNoMetrics.work(request.n++);
	}

	/**
	 * Micrometer's {@code TimedAspect} alone.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int timedAspect(Beans beans, Request request) {
		return beans.timed.work(request.n++);
	}

	/**
	 * A direct interface call plus the evaluation a router makes.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int directPlusEvaluation(Beans beans, Request request) {
		Greeter greeter = beans.flagstaff.isEnabled(Workload.ON_OFF, request.context) ? beans.onGreeter
				: beans.offGreeter;
		return greeter.greet(request.n++);
	}

	/**
	 * A direct interface call plus the evaluation a router makes, taking the context from
	 * the thread's open {@code FeatureScope} as a router does.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int directPlusScopeEvaluation(Beans beans, Request request) {
		FeatureScope scope = FeatureScope.current();
		Greeter greeter = (scope != null && scope.isEnabled(Workload.ON_OFF)) ? beans.onGreeter : beans.offGreeter;
		return greeter.greet(request.n++);
	}

	/**
	 * The starter's Micrometer recorder recording one successful call (the timer lookup
	 * plus the timer).
	 * @param beans the beans
	 * @param request the request
	 * @return the input, to be consumed
	 */
	@Benchmark
	public int micrometerRecorderSuccess(Beans beans, Request request) {
		beans.recorder.recordSuccess(Workload.ON_OFF, null, 100);
		return request.n++;
	}

	/**
	 * A Micrometer timer alone recording one duration: the floor of the recorder.
	 * @param beans the beans
	 * @param request the request
	 * @return the input, to be consumed
	 */
	@Benchmark
	public int micrometerTimerAlone(Beans beans, Request request) {
		beans.timer.record(100, java.util.concurrent.TimeUnit.NANOSECONDS);
		return request.n++;
	}

	/**
	 * The routing proxy.
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int routingProxy(Beans beans, Request request) {
		return beans.routing.greet(request.n++);
	}

	/**
	 * The routing proxy with no recorder: the routing alone (evaluation, choice, call).
	 * @param beans the beans
	 * @param request the request
	 * @return the result
	 */
	@Benchmark
	public int routingProxyNoRecorder(Beans beans, Request request) {
		return beans.routingNoRecorder.greet(request.n++);
	}

}
