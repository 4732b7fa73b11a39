package io.flagstaff.spring.strategy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.aop.ReactiveSupport;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * The interceptor behind a routing proxy: on every call it evaluates the group's flag
 * against the current {@link FeatureScope} (the Reactor context's for {@code Mono} and
 * {@code Flux} methods, at subscription), calls the chosen bean, and records the
 * evaluation and the call. Thread-safe.
 */
final class StrategyRouter implements MethodInterceptor {

	private final StrategyGroup group;

	private final BeanFactory beanFactory;

	private final Map<String, Object> targets = new ConcurrentHashMap<>();

	private volatile @Nullable Flagstaff flagstaff;

	private volatile @Nullable FeatureCalls calls;

	StrategyRouter(StrategyGroup group, BeanFactory beanFactory) {
		this.group = group;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		@Nullable Object[] arguments = invocation.getArguments();
		if (ReactiveSupport.isReactive(method.getReturnType())) {
			return ReactiveSupport.deferWithScope(method.getReturnType(), (scope) -> {
				try {
					return route(scope, method, arguments);
				}
				catch (Throwable ex) {
					return ReactiveSupport.error(method.getReturnType(), ex);
				}
			});
		}
		return route(FeatureScope.current(), method, arguments);
	}

	private @Nullable Object route(@Nullable FeatureScope pinned, Method method, @Nullable Object[] arguments)
			throws Throwable {
		FeatureScope scope = (pinned != null) ? pinned : FeatureScope.currentOrPin(flagstaff());
		String side = choose(scope);
		FeatureCalls recorder = calls();
		Object target = this.targets.computeIfAbsent(side, (key) -> this.beanFactory.getBean(beanName(key)));
		return recorder.timed(this.group.feature(), side, () -> {
			try {
				ReflectionUtils.makeAccessible(method);
				return method.invoke(target, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		});
	}

	private String choose(FeatureScope scope) {
		String feature = this.group.feature();
		if (!this.group.variants()) {
			String side = scope.isEnabled(feature) ? StrategyGroup.ON : StrategyGroup.OFF;
			calls().evaluated(feature, side);
			return side;
		}
		String variant = scope.variant(feature);
		calls().evaluated(feature, (variant != null) ? variant : "none");
		if (variant != null && this.group.beans().containsKey(variant)) {
			return variant;
		}
		return defaultSide();
	}

	private String defaultSide() {
		String defaultBean = this.group.defaultBean();
		for (Map.Entry<String, String> entry : this.group.beans().entrySet()) {
			if (entry.getValue().equals(defaultBean)) {
				return entry.getKey();
			}
		}
		return "default";
	}

	private String beanName(String side) {
		String name = this.group.beans().get(side);
		if (name == null) {
			name = this.group.defaultBean();
		}
		if (name == null) {
			throw new IllegalStateException("no bean implements " + this.group.describe() + " for '" + side + "'");
		}
		return name;
	}

	private Flagstaff flagstaff() {
		Flagstaff current = this.flagstaff;
		if (current == null) {
			current = this.beanFactory.getBean(Flagstaff.class);
			this.flagstaff = current;
		}
		return current;
	}

	private FeatureCalls calls() {
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

}
