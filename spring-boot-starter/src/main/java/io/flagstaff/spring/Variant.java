package io.flagstaff.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean as the implementation of one variant of a flag. Beans implementing the
 * same interface for the same flag are injected, wherever that interface is injected, as
 * one routing proxy that calls, on every call, the bean of the variant the flag serves to
 * the current {@link FeatureScope}. Exactly one of them is the {@link #isDefault()
 * default}, used while the flag is off or serves no variant.
 *
 * <pre class="code">
 * &#64;Service &#64;Variant(feature = "pricing", value = "control", isDefault = true)
 * class StandardPricing implements PricingService { ... }
 *
 * &#64;Service &#64;Variant(feature = "pricing", value = "discount")
 * class DiscountPricing implements PricingService { ... }
 * </pre>
 *
 * <p>
 * Startup fails when a variant of the configured flag has no bean, when a bean names a
 * variant the flag does not define, or when no bean is the default.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Variant {

	/**
	 * The flag key.
	 * @return the flag key
	 */
	String feature();

	/**
	 * The variant this bean implements; empty for a bean that is only the default.
	 * @return the variant name
	 */
	String value() default "";

	/**
	 * Whether this bean is also used while the flag is off, unknown, or serves no
	 * variant.
	 * @return whether this bean is the default
	 */
	boolean isDefault() default false;

}
