package io.flagstaff.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Names classes, methods and fields the way error messages show them.
 */
final class Places {

	private Places() {
	}

	static String of(Class<?> type) {
		String name = type.getName();
		int dot = name.lastIndexOf('.');
		return name.substring(dot + 1).replace('$', '.');
	}

	static String of(Method method) {
		return of(method.getDeclaringClass()) + "." + method.getName() + "()";
	}

	static String of(Field field) {
		return of(field.getDeclaringClass()) + "." + field.getName();
	}

}
