package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field holding the {@code Flagstaff} the extension overrides, when a test
 * class holds more than one {@code Flagstaff} field. A single {@code Flagstaff} field
 * (static or instance, in the test class, its superclasses or enclosing classes) is found
 * without it.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FlagstaffUnderTest {

}
