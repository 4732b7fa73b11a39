package io.flagstaff.spring.aop;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Applies {@link FeatureToggleInterceptor} to every method guarded by
 * {@link FeatureToggle} (directly, or through its type), picked up by Spring's
 * auto-proxying, so it works for classes with and without interfaces. Its order is the
 * {@code flagstaff.aspect-order} property.
 */
public final class FeatureToggleAdvisor extends AbstractPointcutAdvisor {

	private final transient GuardSpec.Cache specs = new GuardSpec.Cache();

	private final transient FeatureToggleInterceptor interceptor;

	private final transient Pointcut pointcut = new StaticMethodMatcherPointcut() {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return FeatureToggleAdvisor.this.specs.get(method, targetClass) != null;
		}

	};

	/**
	 * Creates the advisor.
	 * @param flagstaff evaluates flags when no scope is pinned
	 * @param calls records evaluations and calls
	 * @param order the advisor's order (lower runs first, outside later advisors)
	 */
	public FeatureToggleAdvisor(Flagstaff flagstaff, FeatureCalls calls, int order) {
		this(() -> flagstaff, () -> calls, order);
	}

	/**
	 * Creates the advisor with collaborators looked up on first use, so that creating the
	 * advisor does not create the evaluator and its store early.
	 * @param flagstaff supplies the evaluator
	 * @param calls supplies the recorder hub
	 * @param order the advisor's order (lower runs first, outside later advisors)
	 */
	public FeatureToggleAdvisor(Supplier<Flagstaff> flagstaff, Supplier<FeatureCalls> calls, int order) {
		this.interceptor = new FeatureToggleInterceptor(memoize(flagstaff), memoize(calls), this.specs);
		setOrder(order);
	}

	private static <T> Supplier<T> memoize(Supplier<T> supplier) {
		return new Supplier<>() {

			private volatile @Nullable T value;

			@Override
			public T get() {
				T current = this.value;
				if (current == null) {
					current = supplier.get();
					this.value = current;
				}
				return current;
			}

		};
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
