package io.flagstaff.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Declares, before anything runs, the JUnit resource locks of the tests that use the
 * annotations, for the {@code Flagstaff} instances that can be known from the classes
 * alone: one lock per static {@code Flagstaff} field, and one for the configured default
 * when the classes hold none. The lock is {@code READ_WRITE} for tests whose states are
 * {@link GlobalOverrides global}, {@code READ} for the others, so JUnit never schedules a
 * global test beside another test of the same field and the runtime lock need not wait.
 * Spring's application contexts, and instance fields, are not known before the test runs:
 * the per-instance lease of {@link EvaluatorLocks} covers them (and everything else) at
 * run time, so tests of different application contexts run in parallel.
 */
public final class FlagstaffResourceLocks implements ResourceLocksProvider {

	/** The prefix of every lock key this provider declares. */
	public static final String KEY_PREFIX = "io.flagstaff.junit.Flagstaff:";

	/**
	 * Creates the provider; JUnit does this.
	 */
	public FlagstaffResourceLocks() {
	}

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		return locksFor(List.of(testClass), null);
	}

	@Override
	public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
		return locksFor(withTestClass(enclosingInstanceTypes, testClass), null);
	}

	@Override
	public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
		return locksFor(withTestClass(enclosingInstanceTypes, testClass), testMethod);
	}

	private static List<Class<?>> withTestClass(List<Class<?>> enclosing, Class<?> testClass) {
		List<Class<?>> classes = new ArrayList<>(enclosing);
		classes.add(testClass);
		return classes;
	}

	private static Set<Lock> locksFor(List<Class<?>> classes, @Nullable Method method) {
		if (SpringTargets.isSpringTest(classes)) {
			return Set.of();
		}
		ResourceAccessMode mode = OverrideMode.annotated(classes, method) ? ResourceAccessMode.READ_WRITE
				: ResourceAccessMode.READ;
		Set<Lock> locks = new LinkedHashSet<>();
		boolean instanceFields = false;
		for (Field field : Targets.flagstaffFields(classes)) {
			if (Modifier.isStatic(field.getModifiers())) {
				locks.add(new Lock(KEY_PREFIX + "field:" + field.getDeclaringClass().getName() + "#" + field.getName(),
						mode));
			}
			else {
				instanceFields = true;
			}
		}
		if (locks.isEmpty() && !instanceFields) {
			locks.add(new Lock(KEY_PREFIX + "default", mode));
		}
		return locks;
	}

}
