package io.flagstaff.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides whether a test's forced states are global to its {@code Flagstaff}
 * ({@link GlobalOverrides} on the method, its class, an enclosing class or a superclass,
 * or the configuration parameter {@value FlagstaffExtension#OVERRIDES_PROPERTY}) or live
 * in the test's own override scope (the default).
 */
final class OverrideMode {

	static final String SCOPED = "scoped";

	static final String GLOBAL = "global";

	private OverrideMode() {
	}

	/**
	 * Returns whether a test's states are global.
	 * @param context the test's extension context
	 * @return whether the annotation or the configuration asks for global states
	 * @throws ExtensionConfigurationException when the configuration parameter has
	 * another value than {@code scoped} or {@code global}
	 */
	static boolean global(ExtensionContext context) {
		return annotated(DeclaredStates.classLevels(context), context.getTestMethod().orElse(null))
				|| configured(context);
	}

	/**
	 * Returns whether the classes (or a method) ask for global states, as far as the
	 * classes alone tell: for the resource locks JUnit takes before anything runs.
	 * @param classes the test class and its enclosing classes
	 * @param method the test method, if known
	 * @return whether {@link GlobalOverrides} applies
	 */
	static boolean annotated(List<Class<?>> classes, @Nullable Method method) {
		if (method != null && AnnotationSupport.isAnnotated(method, GlobalOverrides.class)) {
			return true;
		}
		return classes.stream().anyMatch((type) -> AnnotationSupport.isAnnotated(type, GlobalOverrides.class));
	}

	private static boolean configured(ExtensionContext context) {
		Optional<String> value = context.getConfigurationParameter(FlagstaffExtension.OVERRIDES_PROPERTY)
			.map(String::trim);
		if (value.isEmpty() || value.get().equals(SCOPED)) {
			return false;
		}
		if (value.get().equals(GLOBAL)) {
			return true;
		}
		throw new ExtensionConfigurationException("Configuration parameter " + FlagstaffExtension.OVERRIDES_PROPERTY
				+ " is '" + value.get() + "': set it to " + SCOPED + " (the default) or " + GLOBAL);
	}

}
