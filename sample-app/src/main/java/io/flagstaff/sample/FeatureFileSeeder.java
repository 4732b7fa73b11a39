package io.flagstaff.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Copies the shop's default flags ({@code shop.features.seed}) to the file named by
 * {@code flagstaff.features-location} when that file does not exist yet, before the
 * Flagstaff auto-configuration reads it. An existing file is never touched, so flags
 * changed at runtime (by the actuator or the health guard) survive restarts.
 *
 * <p>
 * Registered in {@code META-INF/spring.factories} so it runs before the application
 * context is created.
 */
public class FeatureFileSeeder implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Log logger = LogFactory.getLog(FeatureFileSeeder.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String location = environment.getProperty("flagstaff.features-location");
		String seed = environment.getProperty("shop.features.seed");
		if (location == null || seed == null || location.startsWith("classpath:")) {
			return;
		}
		Path target = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
		if (Files.exists(target)) {
			return;
		}
		Resource source = new DefaultResourceLoader(event.getSpringApplication().getClassLoader()).getResource(seed);
		if (!source.exists()) {
			throw new IllegalStateException("shop.features.seed names " + seed
					+ ", which does not exist; point it at a features document or create " + target);
		}
		try (InputStream in = source.getInputStream()) {
			Path parent = target.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.copy(in, target);
			logger.info("Seeded " + target.toAbsolutePath() + " from " + seed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not seed " + target.toAbsolutePath() + " from " + seed
					+ "; check that the directory is writable or set flagstaff.features-location", ex);
		}
	}

}
