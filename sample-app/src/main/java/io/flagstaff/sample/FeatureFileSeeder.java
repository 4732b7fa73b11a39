package io.flagstaff.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Copies the shop's default flags ({@code shop.features.seed}) to the file named by
 * {@code flagstaff.features-location} when that file does not exist yet. An existing file
 * is never touched, so flags changed at runtime (through the actuator, by the health
 * guard, or by hand) survive restarts.
 *
 * <p>
 * A {@link BeanFactoryPostProcessor}, so it runs once the environment is complete (test
 * properties included) and before any bean, the Flagstaff store among them, is created.
 */
public class FeatureFileSeeder implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware {

	private static final Log logger = LogFactory.getLog(FeatureFileSeeder.class);

	private Environment environment = new StandardEnvironment();

	private ResourceLoader resourceLoader = new DefaultResourceLoader();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		seed();
	}

	/**
	 * Copies the seed when the features file is missing.
	 * @throws IllegalStateException when the seed does not exist
	 * @throws UncheckedIOException when the file cannot be written
	 */
	void seed() {
		String location = this.environment.getProperty("flagstaff.features-location");
		String seed = this.environment.getProperty("shop.features.seed");
		if (location == null || seed == null || location.startsWith("classpath:")) {
			return;
		}
		Path target = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
		if (Files.exists(target)) {
			return;
		}
		Resource source = this.resourceLoader.getResource(seed);
		if (!source.exists()) {
			throw new IllegalStateException("shop.features.seed names " + seed
					+ ", which does not exist; point it at a features document or create " + target);
		}
		try (InputStream in = source.getInputStream()) {
			Path parent = target.toAbsolutePath().normalize().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.copy(in, target);
			logger.info("Seeded " + target.toAbsolutePath().normalize() + " from " + seed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not seed " + target.toAbsolutePath().normalize() + " from " + seed
					+ "; check that the directory is writable or set flagstaff.features-location", ex);
		}
	}

}
