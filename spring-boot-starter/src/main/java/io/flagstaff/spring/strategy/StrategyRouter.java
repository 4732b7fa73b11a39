package io.flagstaff.spring.strategy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.aop.ReactiveSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Routes the calls of one {@link StrategyGroup}: on every call it evaluates the group's
 * flag against the current {@link FeatureScope} (the Reactor context's for {@code Mono}
 * and {@code Flux} methods, at subscription), picks the {@link Route} of the chosen bean,
 * and records the evaluation and the call. Used by the routing classes
 * {@link RouterClasses} generates (one direct interface call per method, no reflection)
 * and, when a class cannot be generated, by the JDK proxy {@link RouterProxies} creates
 * (one reflective call per method).
 * <p>
 * Public only because generated routing classes live in the package of the interface they
 * implement: not API. Thread-safe.
 */
public final class StrategyRouter {

	private final StrategyGroup group;

	private final BeanFactory beanFactory;

	private final String feature;

	private final Map<String, Route> variants = new HashMap<>();

	private final Route on;

	private final Route off;

	private final Route defaultRoute;

	private final List<Method> slowMethods;

	private volatile @Nullable Flagstaff flagstaff;

	private volatile @Nullable FeatureCalls calls;

	StrategyRouter(StrategyGroup group, BeanFactory beanFactory) {
		this(group, beanFactory, List.of());
	}

	StrategyRouter(StrategyGroup group, BeanFactory beanFactory, List<Method> slowMethods) {
		this.group = group;
		this.beanFactory = beanFactory;
		this.feature = group.feature();
		this.slowMethods = List.copyOf(slowMethods);
		Route defaultVariant = null;
		for (Map.Entry<String, String> entry : group.beans().entrySet()) {
			Route route = new Route(this, entry.getKey(), entry.getValue());
			this.variants.put(entry.getKey(), route);
			if (entry.getValue().equals(group.defaultBean())) {
				defaultVariant = route;
			}
		}
		this.defaultRoute = (defaultVariant != null) ? defaultVariant : new Route(this, "default", group.defaultBean());
		this.on = sideRoute(StrategyGroup.ON);
		this.off = sideRoute(StrategyGroup.OFF);
	}

	private Route sideRoute(String side) {
		Route route = this.variants.get(side);
		return (route != null) ? route : new Route(this, side, this.group.defaultBean());
	}

	/**
	 * Evaluates the flag in the thread's scope (pinning one when none is open), records
	 * the evaluation and returns the route to call.
	 * @return the route of the chosen bean
	 */
	public Route route() {
		return route(FeatureScope.currentOrPin(flagstaff()));
	}

	private Route route(FeatureScope scope) {
		FeatureCalls recorder = calls();
		if (!this.group.variants()) {
			Route route = scope.isEnabled(this.feature) ? this.on : this.off;
			recorder.evaluated(this.feature, route.side);
			return route;
		}
		String variant = scope.variant(this.feature);
		recorder.evaluated(this.feature, (variant != null) ? variant : "none");
		Route route = (variant != null) ? this.variants.get(variant) : null;
		return (route != null) ? route : this.defaultRoute;
	}

	/**
	 * Calls a method a generated routing class does not dispatch itself (one returning
	 * {@code Mono} or {@code Flux}): routed at subscription.
	 * @param index the method's index in the list given at creation
	 * @param arguments the arguments
	 * @return the method's result
	 * @throws Throwable what the chosen bean threw
	 */
	public @Nullable Object invokeSlow(int index, @Nullable Object[] arguments) throws Throwable {
		return call(this.slowMethods.get(index), arguments);
	}

	/**
	 * Calls an interface method on the chosen bean, reflectively: routed now, or at
	 * subscription for a method returning {@code Mono} or {@code Flux}.
	 * @param method the interface method
	 * @param arguments the arguments ({@code null} for none)
	 * @return the method's result
	 * @throws Throwable what the chosen bean threw, unchanged
	 */
	@Nullable Object call(Method method, @Nullable Object @Nullable [] arguments) throws Throwable {
		if (ReactiveSupport.isReactive(method.getReturnType())) {
			return ReactiveSupport.deferWithScope(method.getReturnType(), (scope) -> {
				try {
					return callOn((scope != null) ? route(scope) : route(), method, arguments);
				}
				catch (Throwable ex) {
					return ReactiveSupport.error(method.getReturnType(), ex);
				}
			});
		}
		return callOn(route(), method, arguments);
	}

	private @Nullable Object callOn(Route route, Method method, @Nullable Object @Nullable [] arguments)
			throws Throwable {
		Object target = route.target();
		long start = route.start();
		Object result;
		try {
			ReflectionUtils.makeAccessible(method);
			result = method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			route.failed(start, ex.getTargetException());
			throw ex.getTargetException();
		}
		return route.completed(start, result);
	}

	StrategyGroup group() {
		return this.group;
	}

	private Flagstaff flagstaff() {
		Flagstaff current = this.flagstaff;
		if (current == null) {
			current = this.beanFactory.getBean(Flagstaff.class);
			this.flagstaff = current;
		}
		return current;
	}

	FeatureCalls calls() {
		FeatureCalls current = this.calls;
		if (current == null) {
			current = this.beanFactory.getBean(FeatureCalls.class);
			this.calls = current;
		}
		return current;
	}

	@Override
	public String toString() {
		return "StrategyRouter[" + this.group.describe() + ", beans=" + this.group.beans() + "]";
	}

	/**
	 * One side or variant of the group: its bean (looked up on first use) and the
	 * recording of calls made to it. Not API. Thread-safe.
	 */
	public static final class Route {

		private final StrategyRouter router;

		private final String side;

		private final @Nullable String beanName;

		private volatile @Nullable Object target;

		Route(StrategyRouter router, String side, @Nullable String beanName) {
			this.router = router;
			this.side = side;
			this.beanName = beanName;
		}

		/**
		 * Returns the bean to call.
		 * @return the bean
		 * @throws IllegalStateException when no bean serves this side
		 */
		public Object target() {
			Object current = this.target;
			if (current == null) {
				if (this.beanName == null) {
					throw new IllegalStateException(
							"no bean implements " + this.router.group.describe() + " for '" + this.side + "'");
				}
				current = this.router.beanFactory.getBean(this.beanName);
				this.target = current;
			}
			return current;
		}

		/**
		 * Starts timing a call.
		 * @return the start time
		 */
		public long start() {
			return this.router.calls().start();
		}

		/**
		 * Records a call that returned a primitive value or nothing.
		 * @param start what {@link #start()} returned
		 */
		public void succeeded(long start) {
			this.router.calls().succeeded(this.router.feature, this.side, start);
		}

		/**
		 * Records a call that returned an object (a {@code CompletionStage} on
		 * completion).
		 * @param start what {@link #start()} returned
		 * @param result the result
		 * @return the result
		 */
		public @Nullable Object completed(long start, @Nullable Object result) {
			return this.router.calls().completed(this.router.feature, this.side, start, result);
		}

		/**
		 * Records a call that threw.
		 * @param start what {@link #start()} returned
		 * @param failure what it threw
		 */
		public void failed(long start, Throwable failure) {
			this.router.calls().failed(this.router.feature, this.side, start, failure);
		}

	}

}
