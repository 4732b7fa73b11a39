package io.flagstaff.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each test class its own features file, seeded from the classpath by the shop's
 * {@link FeatureFileSeeder} exactly as on a first start, so flips and automatic disables
 * made by one class never reach another.
 */
final class ShopFeatureFiles {

	private ShopFeatureFiles() {
	}

	static Path register(DynamicPropertyRegistry registry) {
		try {
			Path file = Files.createTempDirectory("flagstaff-shop").resolve("data/features.yml");
			registry.add("flagstaff.features-location", () -> "file:" + file);
			registry.add("flagstaff.store.poll-interval", () -> "200ms");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
