package io.flagstaff.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Makes the states a test forces global to its {@code Flagstaff}, visible to every thread
 * that evaluates it, and runs the test alone on that {@code Flagstaff}: no other test of
 * the same instance runs meanwhile (tests of other instances still run in parallel).
 *
 * <p>
 * Without it a test's states live in its own override scope, which reaches the test's
 * thread, the requests of the HTTP clients it gets from its Spring application context
 * and the work those requests start, but nothing else. Use this annotation where the
 * forced states must reach code the scope cannot: a message listener, a scheduled job, a
 * request from a client the test built itself. On a class, applies to all its tests and
 * its {@code @Nested} classes. The configuration parameter
 * {@value FlagstaffExtension#OVERRIDES_PROPERTY}{@code =global} does the same for every
 * test.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EnableFeatures("new-checkout")
 * &#64;GlobalOverrides // the order listener must see new-checkout too
 * class OrderListenerTests { ... }
 * </pre>
 *
 * @see FlagstaffExtension
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlagstaffExtension.class)
@ResourceLock(providers = FlagstaffResourceLocks.class)
public @interface GlobalOverrides {

}
