package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Forces flags off for every context while each test runs, in the test's override scope
 * (see {@link FlagstaffExtension}); the overrides are removed after the test, whether it
 * passed or failed. On a class, applies to all its tests and to its {@code @Nested}
 * classes; a method-level annotation wins over a class-level one for the same flag, and
 * an inner class wins over its enclosing class.
 *
 * <pre class="code">
 * &#64;DisableFeatures("legacy-cart")
 * class CartTests { ... }
 * </pre>
 *
 * @see EnableFeatures
 * @see WithVariant
 * @see FlagstaffExtension
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FlagstaffExtension.class)
@ResourceLock(providers = FlagstaffResourceLocks.class)
public @interface DisableFeatures {

	/**
	 * The keys of the flags to force off; each must exist in the {@code Flagstaff} under
	 * test.
	 * @return the flag keys
	 */
	String[] value();

}
