package io.flagstaff.spring.aop;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.FeatureToggle;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * The advice behind {@link FeatureToggle}: evaluates the flag against the current
 * {@link FeatureScope} and runs the method (timed and recorded), its fallback, or fails
 * with {@link io.flagstaff.FeatureDisabledException}. For {@code Mono} and {@code Flux}
 * results the decision is taken at subscription, against the scope in the Reactor
 * context. Thread-safe.
 */
public final class FeatureToggleInterceptor implements MethodInterceptor {

	private static final String ON = "on";

	private static final String OFF = "off";

	private final Supplier<Flagstaff> flagstaff;

	private final Supplier<FeatureCalls> calls;

	private final GuardSpec.Cache specs;

	/**
	 * Creates the interceptor.
	 * @param flagstaff evaluates flags when no scope is pinned
	 * @param calls records evaluations and calls
	 */
	public FeatureToggleInterceptor(Flagstaff flagstaff, FeatureCalls calls) {
		this(() -> flagstaff, () -> calls, new GuardSpec.Cache());
	}

	FeatureToggleInterceptor(Supplier<Flagstaff> flagstaff, Supplier<FeatureCalls> calls, GuardSpec.Cache specs) {
		this.flagstaff = flagstaff;
		this.calls = calls;
		this.specs = specs;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Method method = invocation.getMethod();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
		GuardSpec spec = this.specs.get(method, targetClass);
		if (spec == null) {
			return invocation.proceed();
		}
		Class<?> returnType = method.getReturnType();
		if (ReactiveSupport.isReactive(returnType) && invocation instanceof ProxyMethodInvocation proxyInvocation) {
			return ReactiveSupport.deferWithScope(returnType, (scope) -> {
				try {
					return decide(spec, scope, proxyInvocation.invocableClone(), target, returnType);
				}
				catch (Throwable ex) {
					return ReactiveSupport.error(returnType, ex);
				}
			});
		}
		return decide(spec, FeatureScope.current(), invocation, target, returnType);
	}

	private @Nullable Object decide(GuardSpec spec, @Nullable FeatureScope pinned, MethodInvocation invocation,
			@Nullable Object target, Class<?> returnType) throws Throwable {
		FeatureScope scope = (pinned != null) ? pinned : FeatureScope.currentOrPin(this.flagstaff.get());
		boolean enabled = scope.isEnabled(spec.feature());
		FeatureCalls recorder = this.calls.get();
		recorder.evaluated(spec.feature(), enabled ? ON : OFF);
		if (!enabled) {
			return spec.whenOff(target, invocation.getArguments(), returnType);
		}
		long start = recorder.start();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			recorder.failed(spec.feature(), null, start, ex);
			throw ex;
		}
		return recorder.completed(spec.feature(), null, start, result);
	}

}
