package io.flagstaff.junit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the {@code Flagstaff} bean of the Spring application context of a test that runs
 * with Spring's TestContext ({@code @SpringBootTest}, {@code @SpringJUnitConfig} or
 * {@code @ExtendWith(SpringExtension.class)}). Touches Spring classes only when
 * spring-test is on the class path.
 */
final class SpringTargets {

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	private SpringTargets() {
	}

	/**
	 * Returns whether any of the classes runs with Spring's TestContext.
	 * @param classes the test class and its enclosing classes
	 * @return whether Spring manages these tests
	 */
	static boolean isSpringTest(List<Class<?>> classes) {
		if (ReflectionSupport.tryToLoadClass(SPRING_EXTENSION).toOptional().isEmpty()) {
			return false;
		}
		for (Class<?> type : classes) {
			for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
				for (Class<? extends Extension> extension : extendWith.value()) {
					if (SPRING_EXTENSION.equals(extension.getName())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Returns the application context's {@code Flagstaff}, when the test runs with
	 * Spring.
	 * @param context the extension context
	 * @return the bean, or empty when the test does not run with Spring or the context
	 * has no {@code Flagstaff} bean
	 * @throws ExtensionConfigurationException when the context has several
	 */
	static Optional<Flagstaff> find(ExtensionContext context, List<Class<?>> classes) {
		if (!isSpringTest(classes)) {
			return Optional.empty();
		}
		return Spring.find(context);
	}

	/** Holds the code that links against Spring, loaded only when Spring is present. */
	private static final class Spring {

		static Optional<Flagstaff> find(ExtensionContext context) {
			org.springframework.context.ApplicationContext applicationContext = org.springframework.test.context.junit.jupiter.SpringExtension
				.getApplicationContext(context);
			Map<String, Flagstaff> beans = applicationContext.getBeansOfType(Flagstaff.class);
			if (beans.size() > 1) {
				throw new ExtensionConfigurationException("The Spring application context of "
						+ context.getRequiredTestClass().getName() + " holds several Flagstaff beans " + beans.keySet()
						+ ": keep one, or hold the one to override in a field annotated @FlagstaffUnderTest");
			}
			return beans.values().stream().findFirst();
		}

	}

}
