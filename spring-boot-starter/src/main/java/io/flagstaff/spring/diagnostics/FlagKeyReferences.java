package io.flagstaff.spring.diagnostics;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.Variant;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds every flag key the application's beans name: {@code @FeatureToggle} on a type or
 * a method (guards and on/off strategies) and {@code @Variant} on a type, each also on a
 * {@code @Bean} method. Each key comes with where it is named, for example
 * {@code @FeatureToggle on bean 'weatherService' method WeatherService.widget}.
 */
final class FlagKeyReferences {

	private FlagKeyReferences() {
	}

	/**
	 * Scans the application's bean definitions (infrastructure beans and Spring's own
	 * classes are skipped).
	 * @param beanFactory the bean factory
	 * @return the places by key, in key order; unmodifiable
	 */
	static Map<String, List<String>> scan(ConfigurableListableBeanFactory beanFactory) {
		Map<String, List<String>> references = new TreeMap<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition.getRole() != BeanDefinition.ROLE_APPLICATION || definition.isAbstract()) {
				continue;
			}
			Class<?> type = beanFactory.getType(name, false);
			if (type == null || type.getName().startsWith("org.springframework.")) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(type);
			String bean = "bean '" + name + "'";
			if (definition instanceof AnnotatedBeanDefinition annotated) {
				MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
				if (factoryMethod != null) {
					String where = bean + " (@Bean method " + factoryMethod.getMethodName() + ")";
					onFactoryMethod(factoryMethod.getAnnotations(), where, references);
				}
			}
			FeatureToggle onType = AnnotatedElementUtils.findMergedAnnotation(userType, FeatureToggle.class);
			add(references, (onType != null) ? onType.value() : null,
					"@FeatureToggle on " + bean + " (" + userType.getSimpleName() + ")");
			Variant variant = AnnotatedElementUtils.findMergedAnnotation(userType, Variant.class);
			add(references, (variant != null) ? variant.feature() : null,
					"@Variant on " + bean + " (" + userType.getSimpleName() + ")");
			ReflectionUtils.doWithMethods(userType, (method) -> onMethod(method, userType, bean, references),
					ReflectionUtils.USER_DECLARED_METHODS);
		}
		references.replaceAll((key, places) -> List.copyOf(places));
		return Collections.unmodifiableMap(references);
	}

	private static void onFactoryMethod(MergedAnnotations annotations, String where,
			Map<String, List<String>> references) {
		MergedAnnotation<FeatureToggle> toggle = annotations.get(FeatureToggle.class);
		if (toggle.isPresent()) {
			add(references, toggle.getString("value"), "@FeatureToggle on " + where);
		}
		MergedAnnotation<Variant> variant = annotations.get(Variant.class);
		if (variant.isPresent()) {
			add(references, variant.getString("feature"), "@Variant on " + where);
		}
	}

	private static void onMethod(Method method, Class<?> userType, String bean, Map<String, List<String>> references) {
		FeatureToggle toggle = AnnotatedElementUtils.findMergedAnnotation(method, FeatureToggle.class);
		if (toggle != null) {
			add(references, toggle.value(),
					"@FeatureToggle on " + bean + " method " + userType.getSimpleName() + "." + method.getName());
		}
	}

	private static void add(Map<String, List<String>> references, @Nullable String key, String where) {
		if (StringUtils.hasText(key)) {
			List<String> places = references.computeIfAbsent(key, (unused) -> new ArrayList<>());
			if (!places.contains(where)) {
				places.add(where);
			}
		}
	}

}
