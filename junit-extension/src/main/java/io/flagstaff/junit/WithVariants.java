package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Container of repeated {@link WithVariant} annotations; write {@code @WithVariant}
 * several times instead of using this directly.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FlagstaffExtension.class)
@ResourceLock(providers = FlagstaffResourceLocks.class)
public @interface WithVariants {

	/**
	 * The repeated annotations.
	 * @return the annotations
	 */
	WithVariant[] value();

}
