package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Forces a flag on with one of its variants for every context while each test runs.
 * Repeatable, one per flag. Same scoping and precedence as {@link EnableFeatures}: a
 * method-level annotation wins over a class-level one for the same flag.
 *
 * <pre class="code">
 * &#64;Test
 * &#64;WithVariant(feature = "checkout-layout", variant = "one-page")
 * void showsOnePage() { ... }
 * </pre>
 *
 * @see FlagstaffExtension
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(WithVariants.class)
@ExtendWith(FlagstaffExtension.class)
@ResourceLock(providers = FlagstaffResourceLocks.class)
public @interface WithVariant {

	/**
	 * The key of the flag; it must exist in the {@code Flagstaff} under test.
	 * @return the flag key
	 */
	String feature();

	/**
	 * The variant to serve; the flag must define it.
	 * @return the variant name
	 */
	String variant();

}
