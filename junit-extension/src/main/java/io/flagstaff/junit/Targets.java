package io.flagstaff.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the {@code Flagstaff} a test overrides, in this order: a field annotated
 * {@link FlagstaffUnderTest}; the only {@code Flagstaff} field (static or instance, in
 * the test class, its superclasses and enclosing classes); the Spring application
 * context's {@code Flagstaff} bean; the configured {@link FlagstaffProvider}.
 */
final class Targets {

	private Targets() {
	}

	/**
	 * Finds the target.
	 * @param context the extension context of a test or a container
	 * @return the target, or empty when there is none yet (for example a field still
	 * {@code null} because a {@code @BeforeEach} method assigns it)
	 * @throws ExtensionConfigurationException when the choice is ambiguous
	 */
	static Optional<Flagstaff> find(ExtensionContext context) {
		List<Class<?>> classes = testClasses(context);
		List<FieldValue> fields = fieldValues(classes, context.getTestInstances().orElse(null));
		Optional<Flagstaff> marked = single(fields.stream().filter(FieldValue::marked).toList(),
				"Several fields annotated @FlagstaffUnderTest hold different Flagstaff instances: annotate only one");
		if (marked.isPresent()) {
			return marked;
		}
		Optional<Flagstaff> typed = single(fields,
				"Several Flagstaff fields hold different instances: annotate the one to override with @FlagstaffUnderTest");
		if (typed.isPresent()) {
			return typed;
		}
		Optional<Flagstaff> spring = SpringTargets.find(context, classes);
		if (spring.isPresent()) {
			return spring;
		}
		return DefaultTarget.find(context);
	}

	/**
	 * Returns the test class and its enclosing classes, outermost first.
	 * @param context the extension context
	 * @return the classes
	 */
	static List<Class<?>> testClasses(ExtensionContext context) {
		List<Class<?>> classes = new ArrayList<>(context.getEnclosingTestClasses());
		context.getTestClass().ifPresent(classes::add);
		return classes;
	}

	/**
	 * Returns the {@code Flagstaff} fields of the classes and their superclasses.
	 * @param classes the classes
	 * @return the fields, superclass fields first
	 */
	static List<Field> flagstaffFields(List<Class<?>> classes) {
		List<Field> fields = new ArrayList<>();
		for (Class<?> type : classes) {
			fields.addAll(ReflectionSupport.findFields(type,
					(field) -> Flagstaff.class.isAssignableFrom(field.getType()), HierarchyTraversalMode.TOP_DOWN));
		}
		return fields;
	}

	private static List<FieldValue> fieldValues(List<Class<?>> classes, @Nullable TestInstances instances) {
		List<FieldValue> values = new ArrayList<>();
		for (Field field : flagstaffFields(classes)) {
			Object owner = null;
			if (!Modifier.isStatic(field.getModifiers())) {
				owner = (instances != null) ? instances.findInstance(field.getDeclaringClass()).orElse(null) : null;
				if (owner == null) {
					continue;
				}
			}
			Object value = ReflectionSupport.tryToReadFieldValue(field, owner)
				.getOrThrow((ex) -> new ExtensionConfigurationException("Cannot read " + Places.of(field), ex));
			if (value != null) {
				values
					.add(new FieldValue(field, (Flagstaff) value, field.isAnnotationPresent(FlagstaffUnderTest.class)));
			}
		}
		return values;
	}

	private static Optional<Flagstaff> single(List<FieldValue> fields, String ambiguity) {
		Map<Flagstaff, Field> distinct = new IdentityHashMap<>();
		fields.forEach((value) -> distinct.putIfAbsent(value.value(), value.field()));
		if (distinct.size() > 1) {
			throw new ExtensionConfigurationException(ambiguity + " (fields "
					+ String.join(", ", distinct.values().stream().map(Places::of).toList()) + ")");
		}
		return distinct.keySet().stream().findFirst();
	}

	private record FieldValue(Field field, Flagstaff value, boolean marked) {
	}

}
