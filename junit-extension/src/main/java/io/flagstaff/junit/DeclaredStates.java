package io.flagstaff.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the states a test's annotations force, applying precedence: outer classes first,
 * then inner {@code @Nested} classes, each after its superclasses, then the test method;
 * a later level replaces an earlier one for the same flag. Two annotations on one element
 * that disagree about one flag are a configuration error.
 */
final class DeclaredStates {

	private DeclaredStates() {
	}

	/**
	 * Returns the states forced for a test.
	 * @param context the test's (or a container's) extension context
	 * @return the states by flag key, in declaration order
	 * @throws ExtensionConfigurationException when one element declares a flag twice
	 * differently
	 */
	static Map<String, ForcedState> of(ExtensionContext context) {
		Map<String, ForcedState> states = new LinkedHashMap<>();
		for (Class<?> level : classLevels(context)) {
			states.putAll(declaredOn(level, Places.of(level)));
		}
		Optional<Method> method = context.getTestMethod();
		method.ifPresent((m) -> states.putAll(declaredOn(m, Places.of(m))));
		return states;
	}

	/**
	 * Returns the classes whose annotations apply, in increasing precedence: each
	 * enclosing class (outermost first) and the test class, each preceded by its
	 * superclasses.
	 */
	static List<Class<?>> classLevels(ExtensionContext context) {
		List<Class<?>> classes = new ArrayList<>(context.getEnclosingTestClasses());
		context.getTestClass().ifPresent(classes::add);
		List<Class<?>> levels = new ArrayList<>();
		for (Class<?> type : classes) {
			List<Class<?>> hierarchy = new ArrayList<>();
			for (Class<?> current = type; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				hierarchy.add(0, current);
			}
			levels.addAll(hierarchy);
		}
		return levels;
	}

	private static Map<String, ForcedState> declaredOn(AnnotatedElement element, String where) {
		Map<String, ForcedState> states = new LinkedHashMap<>();
		AnnotationSupport.findAnnotation(element, EnableFeatures.class).ifPresent((enable) -> {
			for (String key : enable.value()) {
				put(states, key, ForcedState.on("@EnableFeatures on " + where));
			}
		});
		AnnotationSupport.findAnnotation(element, DisableFeatures.class).ifPresent((disable) -> {
			for (String key : disable.value()) {
				put(states, key, ForcedState.off("@DisableFeatures on " + where));
			}
		});
		for (WithVariant variant : AnnotationSupport.findRepeatableAnnotations(element, WithVariant.class)) {
			put(states, variant.feature(), ForcedState.variant(variant.variant(), "@WithVariant on " + where));
		}
		return states;
	}

	private static void put(Map<String, ForcedState> states, String key, ForcedState state) {
		ForcedState previous = states.putIfAbsent(key, state);
		if (previous != null && !previous.sameStateAs(state)) {
			throw new ExtensionConfigurationException(
					previous.place() + " forces flag '" + key + "' " + previous.state() + " but " + state.place()
							+ " forces it " + state.state() + ": keep one of them on that element");
		}
	}

}
