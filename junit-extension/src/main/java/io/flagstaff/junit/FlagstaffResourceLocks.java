package io.flagstaff.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Declares, before anything runs, the JUnit resource locks of the tests that use the
 * annotations, for the {@code Flagstaff} instances that can be known from the classes
 * alone: one lock per static {@code Flagstaff} field, one shared lock for all tests run
 * with Spring's TestContext (application contexts are cached and shared across test
 * classes), and one for the configured default. JUnit then schedules those tests so they
 * never overlap. Instance fields are not known before the test instance exists; the
 * per-instance lock of {@link EvaluatorLocks} covers them (and everything else) at run
 * time.
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
		return locksFor(List.of(testClass));
	}

	@Override
	public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
		return locksFor(withTestClass(enclosingInstanceTypes, testClass));
	}

	@Override
	public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
		return locksFor(withTestClass(enclosingInstanceTypes, testClass));
	}

	private static List<Class<?>> withTestClass(List<Class<?>> enclosing, Class<?> testClass) {
		List<Class<?>> classes = new ArrayList<>(enclosing);
		classes.add(testClass);
		return classes;
	}

	private static Set<Lock> locksFor(List<Class<?>> classes) {
		Set<Lock> locks = new LinkedHashSet<>();
		boolean instanceFields = false;
		for (Field field : Targets.flagstaffFields(classes)) {
			if (Modifier.isStatic(field.getModifiers())) {
				locks
					.add(new Lock(KEY_PREFIX + "field:" + field.getDeclaringClass().getName() + "#" + field.getName()));
			}
			else {
				instanceFields = true;
			}
		}
		if (SpringTargets.isSpringTest(classes)) {
			locks.add(new Lock(KEY_PREFIX + "spring"));
		}
		else if (locks.isEmpty() && !instanceFields) {
			locks.add(new Lock(KEY_PREFIX + "default"));
		}
		return locks;
	}

}
