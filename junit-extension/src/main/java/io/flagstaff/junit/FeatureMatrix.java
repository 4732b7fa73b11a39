package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Turns a method into a test template that runs once per combination of the named flags'
 * states: {@code @FeatureMatrix({"a", "b"})} runs four times, named {@code [a=on, b=on]},
 * {@code [a=on, b=off]}, {@code [a=off, b=on]} and {@code [a=off, b=off]}. Inject
 * {@link FeatureStates} to read the current combination. The matrix's states win over
 * {@link EnableFeatures}, {@link DisableFeatures} and {@link WithVariant} for the same
 * flag.
 *
 * <pre class="code">
 * &#64;FeatureMatrix({"new-checkout", "one-click"})
 * void checkoutWorksInEveryState(FeatureStates states) { ... }
 * </pre>
 *
 * @see FlagstaffExtension
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(FlagstaffExtension.class)
@ResourceLock(providers = FlagstaffResourceLocks.class)
public @interface FeatureMatrix {

	/**
	 * The keys of the flags to combine, in the order they vary (the first varies
	 * slowest).
	 * @return the flag keys
	 */
	String[] value();

	/**
	 * Whether a flag that defines variants contributes one state per variant (in
	 * definition order) plus {@code off}, instead of {@code on} and {@code off}. Flags
	 * without variants keep {@code on} and {@code off}. Reading the variants needs the
	 * {@code Flagstaff} before the test instance exists: a static field, Spring's
	 * application context, the configured default, or {@code @TestInstance(PER_CLASS)}
	 * for an instance field.
	 * @return whether to expand variants
	 */
	boolean variants() default false;

}
