package io.flagstaff.spring.strategy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

import io.flagstaff.spring.FeatureStrategyException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;

/**
 * Creates the routing object of a {@link StrategyGroup} when {@link RouterClasses} cannot
 * define a class next to the interface: a JDK proxy of the interface that behaves as the
 * generated class does. Each interface method is routed by the {@link StrategyRouter}
 * (reflectively), and what the chosen bean throws propagates unchanged, so a checked
 * exception the method declares reaches the caller as itself. {@code equals} and
 * {@code hashCode} are those of {@link Object} (identity), and {@code toString} describes
 * the router; none of the three evaluates the flag or reaches a bean. Not Spring AOP: the
 * proxy is no {@code Advised}, so other advice wraps it as it wraps the generated class.
 * Thread-safe.
 */
final class RouterProxies {

	private RouterProxies() {
	}

	/**
	 * Creates the routing proxy of a group.
	 * @param group the group, whose type must be an interface
	 * @param beanFactory where the beans are found
	 * @return a JDK proxy implementing the group's interface
	 */
	static Object create(StrategyGroup group, BeanFactory beanFactory) {
		Class<?> type = group.type();
		if (!type.isInterface()) {
			throw new FeatureStrategyException(List.of(group.describe() + ": " + type.getName()
					+ " is a class, but strategies are routed by interface: inject an interface its beans implement"));
		}
		StrategyRouter router = new StrategyRouter(group, beanFactory);
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, new Handler(router));
	}

	private record Handler(StrategyRouter router) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
				throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> arguments != null && proxy == arguments[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> this.router.toString();
				};
			}
			return this.router.call(method, arguments);
		}

	}

}
