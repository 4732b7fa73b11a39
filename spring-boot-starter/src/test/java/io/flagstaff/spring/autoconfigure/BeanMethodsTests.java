package io.flagstaff.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of Spring Boot's own auto-configurations, for every one listed in
 * {@code AutoConfiguration.imports} (and their nested configurations): {@code @Bean}
 * methods are package-private, and return the most specific type they can.
 */
class BeanMethodsTests {

	/**
	 * Bean methods that return an interface, and why nothing more specific fits.
	 */
	private static final Map<String, String> INTERFACE_RETURNS = Map.of("flagstaff",
			"the implementation is internal to the core", "healthGuard", "the implementation is internal to the core",
			"flagstaffFeatureStore", "a file, in-memory or resource store, depending on the location",
			"flagstaffExposureQueueMetrics", "a lambda", "flagstaffExposureQueueCustomizer", "a lambda",
			"openFeatureClient", "the SDK's implementation, OpenFeatureClient, is deprecated as public API");

	static Stream<Class<?>> autoConfigurations() throws IOException, ClassNotFoundException {
		String imports = "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
		List<Class<?>> classes = new ArrayList<>();
		try (InputStream in = BeanMethodsTests.class.getResourceAsStream(imports)) {
			assertThat(in).as(imports).isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					classes.add(Class.forName(line.strip()));
				}
			}
		}
		return classes.stream();
	}

	private static List<Method> beanMethods(Class<?> configuration) {
		List<Method> methods = new ArrayList<>();
		for (Method method : configuration.getDeclaredMethods()) {
			if (method.isAnnotationPresent(Bean.class)) {
				methods.add(method);
			}
		}
		for (Class<?> nested : configuration.getDeclaredClasses()) {
			methods.addAll(beanMethods(nested));
		}
		return methods;
	}

	@ParameterizedTest
	@MethodSource("autoConfigurations")
	void beanMethodsArePackagePrivate(Class<?> configuration) {
		assertThat(beanMethods(configuration)).isNotEmpty()
			.allSatisfy((method) -> assertThat(Modifier.isPublic(method.getModifiers())).as("%s is public", method)
				.isFalse());
	}

	@ParameterizedTest
	@MethodSource("autoConfigurations")
	void beanMethodsReturnAConcreteTypeUnlessNothingMoreSpecificFits(Class<?> configuration) {
		assertThat(beanMethods(configuration))
			.filteredOn((method) -> method.getReturnType().isInterface()
					|| Modifier.isAbstract(method.getReturnType().getModifiers()))
			.allSatisfy((method) -> assertThat(INTERFACE_RETURNS)
				.as("%s returns %s", method, method.getReturnType().getSimpleName())
				.containsKey(method.getName()));
	}

}
