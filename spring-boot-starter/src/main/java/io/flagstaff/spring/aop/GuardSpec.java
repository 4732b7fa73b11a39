package io.flagstaff.spring.aop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.FeatureDisabledException;
import io.flagstaff.spring.FeatureToggle;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * What a guarded method needs: its flag and its fallback, resolved once per method and
 * target class.
 *
 * @param feature the flag key
 * @param fallback the fallback method, or {@code null} to throw
 * @param fallbackTakesException whether the fallback takes the
 * {@link FeatureDisabledException} as its last parameter
 */
record GuardSpec(String feature, @Nullable Method fallback, boolean fallbackTakesException) {

	/**
	 * Finds the guard of a method, or {@code null} when the method is not guarded.
	 * @param method the invoked method
	 * @param targetClass the target class
	 * @return the guard, or {@code null}
	 * @throws IllegalStateException when the annotation names no flag or a fallback that
	 * does not exist
	 */
	static @Nullable GuardSpec find(Method method, Class<?> targetClass) {
		if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
			return null;
		}
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		FeatureToggle toggle = guard(AnnotatedElementUtils.findMergedAnnotation(specific, FeatureToggle.class));
		if (toggle == null && specific != method) {
			toggle = guard(AnnotatedElementUtils.findMergedAnnotation(method, FeatureToggle.class));
		}
		if (toggle == null && Modifier.isPublic(method.getModifiers())) {
			toggle = guard(AnnotatedElementUtils.findMergedAnnotation(targetClass, FeatureToggle.class));
		}
		if (toggle == null) {
			return null;
		}
		String where = ClassUtils.getQualifiedMethodName(specific, targetClass);
		if (!StringUtils.hasText(toggle.value())) {
			throw new IllegalStateException("@FeatureToggle on " + where
					+ " names no flag: set its value, for example @FeatureToggle(\"new-checkout\")");
		}
		if (!StringUtils.hasText(toggle.fallback())) {
			return new GuardSpec(toggle.value(), null, false);
		}
		return withFallback(toggle.value(), toggle.fallback(), specific, targetClass, where);
	}

	private static @Nullable FeatureToggle guard(@Nullable FeatureToggle toggle) {
		return (toggle != null && toggle.when() == FeatureToggle.When.GUARD) ? toggle : null;
	}

	private static GuardSpec withFallback(String feature, String name, Method method, Class<?> targetClass,
			String where) {
		Class<?>[] parameters = method.getParameterTypes();
		Class<?>[] withException = Arrays.copyOf(parameters, parameters.length + 1);
		withException[parameters.length] = FeatureDisabledException.class;
		for (Class<?> type = targetClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Method candidate : type.getDeclaredMethods()) {
				if (!candidate.getName().equals(name) || !returnsCompatible(method, candidate)) {
					continue;
				}
				Class<?>[] candidateParameters = candidate.getParameterTypes();
				if (Arrays.equals(candidateParameters, parameters)) {
					ReflectionUtils.makeAccessible(candidate);
					return new GuardSpec(feature, candidate, false);
				}
				if (candidateParameters.length == withException.length
						&& Arrays.equals(candidateParameters, 0, parameters.length, parameters, 0, parameters.length)
						&& candidateParameters[parameters.length].isAssignableFrom(FeatureDisabledException.class)) {
					ReflectionUtils.makeAccessible(candidate);
					return new GuardSpec(feature, candidate, true);
				}
			}
		}
		throw new IllegalStateException("@FeatureToggle(value = \"" + feature + "\", fallback = \"" + name + "\") on "
				+ where + " names no usable fallback: declare a method " + name + "("
				+ StringUtils.arrayToCommaDelimitedString(Arrays.stream(parameters).map(Class::getSimpleName).toArray())
				+ (parameters.length > 0 ? "[, FeatureDisabledException]" : "[FeatureDisabledException]")
				+ ") returning " + method.getReturnType().getSimpleName() + " in " + targetClass.getName());
	}

	private static boolean returnsCompatible(Method method, Method candidate) {
		return ClassUtils.isAssignable(method.getReturnType(), candidate.getReturnType());
	}

	/**
	 * Produces what a call returns while the flag is off: the fallback's result, or the
	 * {@link FeatureDisabledException} thrown or returned as a failed asynchronous
	 * result.
	 * @param target the target object
	 * @param arguments the call's arguments
	 * @param returnType the declared return type
	 * @return the fallback's result, or a failed {@code CompletionStage} / {@code Mono} /
	 * {@code Flux}
	 * @throws Throwable the {@link FeatureDisabledException}, or what the fallback threw
	 */
	@Nullable Object whenOff(@Nullable Object target, @Nullable Object[] arguments, Class<?> returnType) throws Throwable {
		Method fallbackMethod = this.fallback;
		if (fallbackMethod == null) {
			FeatureDisabledException disabled = new FeatureDisabledException(this.feature);
			if (CompletionStage.class.isAssignableFrom(returnType)) {
				return CompletableFuture.failedFuture(disabled);
			}
			if (ReactiveSupport.isReactive(returnType)) {
				return ReactiveSupport.error(returnType, disabled);
			}
			throw disabled;
		}
		Object[] fallbackArguments = arguments;
		if (this.fallbackTakesException) {
			fallbackArguments = Arrays.copyOf(arguments, arguments.length + 1);
			fallbackArguments[arguments.length] = new FeatureDisabledException(this.feature);
		}
		try {
			return fallbackMethod.invoke(target, fallbackArguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * Caches {@link #find} per target class (a {@link ClassValue}, so a class can be
	 * unloaded) and method, without allocating a key per call.
	 */
	static final class Cache {

		private final ClassValue<Map<Method, Optional<GuardSpec>>> specs = new ClassValue<>() {

			@Override
			protected Map<Method, Optional<GuardSpec>> computeValue(Class<?> type) {
				return new ConcurrentHashMap<>();
			}

		};

		@Nullable GuardSpec get(Method method, Class<?> targetClass) {
			Map<Method, Optional<GuardSpec>> byMethod = this.specs.get(targetClass);
			Optional<GuardSpec> spec = byMethod.get(method);
			if (spec == null) {
				spec = byMethod.computeIfAbsent(method, (key) -> Optional.ofNullable(find(method, targetClass)));
			}
			return spec.orElse(null);
		}

	}

}
