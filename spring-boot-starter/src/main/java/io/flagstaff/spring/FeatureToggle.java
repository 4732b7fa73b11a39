package io.flagstaff.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Ties a Spring bean's method or type to a flag.
 *
 * <p>
 * With the default {@link #when()} ({@link When#GUARD}), the annotated method (or every
 * public method of the annotated type) runs only when the flag is on for the current
 * {@link FeatureScope}; otherwise the {@link #fallback()} method is called, or a
 * {@link io.flagstaff.FeatureDisabledException} is thrown (returned as a failed
 * {@code CompletionStage}, {@code Mono} or {@code Flux} for asynchronous methods). Never
 * a silent {@code null}.
 *
 * <pre class="code">
 * &#64;FeatureToggle(value = "new-checkout", fallback = "oldCheckout")
 * public Receipt checkout(Cart cart) { ... }
 *
 * Receipt oldCheckout(Cart cart) { ... }
 * </pre>
 *
 * <p>
 * With {@code when = ON} or {@code when = OFF} on a type, the bean is one side of a
 * strategy: it is not guarded, and whoever injects the interface it shares with the other
 * side receives a routing proxy that calls this bean while the flag is in that state.
 *
 * <p>
 * Applied through Spring AOP proxies, so a call from inside the same object
 * ({@code this.checkout(cart)}) bypasses the check: call through the injected bean
 * instead.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FeatureToggle {

	/**
	 * The flag key.
	 * @return the flag key
	 */
	@AliasFor("feature")
	String value() default "";

	/**
	 * The flag key (alias of {@link #value()}).
	 * @return the flag key
	 */
	@AliasFor("value")
	String feature() default "";

	/**
	 * The name of a method on the same bean to call instead while the flag is off. It
	 * takes the same parameters as the guarded method, optionally followed by a
	 * {@link io.flagstaff.FeatureDisabledException}, and returns a compatible type. Empty
	 * to throw {@link io.flagstaff.FeatureDisabledException}.
	 * @return the fallback method name
	 */
	String fallback() default "";

	/**
	 * What the annotation means: guard the code ({@link When#GUARD}, the default), or
	 * mark a strategy implementation used while the flag is {@link When#ON} or
	 * {@link When#OFF}.
	 * @return the role of the annotated element
	 */
	When when() default When.GUARD;

	/**
	 * The role of a {@link FeatureToggle} annotation.
	 */
	enum When {

		/** Run the annotated code only while the flag is on. */
		GUARD,
		/** Strategy implementation used while the flag is on. */
		ON,
		/** Strategy implementation used while the flag is off. */
		OFF

	}

}
