package io.flagstaff.spring.diagnostics;

import io.flagstaff.spring.FlagstaffStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an application that runs the starter on a Spring Boot line it was not built for,
 * before any auto-configuration half works: the starter is built for Spring Boot 4, and
 * on Spring Boot 3 the application fails at once with one line naming the starter to use
 * instead. Registered in {@code META-INF/spring.factories}, so it runs first in every
 * {@code SpringApplication}; it uses only types both lines share. Stateless and
 * thread-safe.
 */
public final class SpringBootLineCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The Spring Boot generation this starter is built for. */
	public static final int SUPPORTED_MAJOR = 4;

	/** The starter for Spring Boot 3 applications. */
	public static final String BOOT3_STARTER = "io.flagstaff:flagstaff-spring-boot3-starter";

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		check(SpringBootVersion.getVersion());
	}

	/**
	 * Checks a Spring Boot version.
	 * @param version the version, for example {@code 3.5.4}; {@code null} or unparsable
	 * when unknown (a repackaged Spring Boot), which passes
	 * @throws FlagstaffStartupException when the version is of another generation
	 */
	public static void check(@Nullable String version) {
		Integer major = major(version);
		if (major == null || major == SUPPORTED_MAJOR) {
			return;
		}
		if (major < SUPPORTED_MAJOR) {
			throw new FlagstaffStartupException(
					"io.flagstaff:flagstaff-spring-boot-starter supports Spring Boot " + SUPPORTED_MAJOR
							+ ".x, but this application runs Spring Boot " + version,
					"Replace the dependency with " + BOOT3_STARTER
							+ " (same version, same properties), or upgrade the application to Spring Boot "
							+ SUPPORTED_MAJOR + ".1");
		}
		throw new FlagstaffStartupException(
				"io.flagstaff:flagstaff-spring-boot-starter supports Spring Boot " + SUPPORTED_MAJOR
						+ ".x, but this application runs Spring Boot " + version,
				"Use a Flagstaff release built for Spring Boot " + major + ", or run Spring Boot " + SUPPORTED_MAJOR
						+ ".1");
	}

	private static @Nullable Integer major(@Nullable String version) {
		if (version == null) {
			return null;
		}
		int dot = version.indexOf('.');
		try {
			return Integer.valueOf((dot > 0) ? version.substring(0, dot) : version);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
