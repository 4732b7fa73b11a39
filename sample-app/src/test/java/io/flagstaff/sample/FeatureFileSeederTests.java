package io.flagstaff.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FeatureFileSeederTests {

	@TempDir
	Path dir;

	private final FeatureFileSeeder seeder = new FeatureFileSeeder();

	@Test
	void copiesTheSeedWhenTheFileIsMissing() throws Exception {
		Path target = this.dir.resolve("data/features.yml");
		seed("file:" + target, "classpath:features.yml");
		assertThat(target).exists();
		assertThat(Files.readString(target)).contains("checkout-v2:").contains("version: 1");
	}

	@Test
	void neverTouchesAnExistingFile() throws Exception {
		Path target = this.dir.resolve("features.yml");
		Files.writeString(target, "version: 1\nfeatures: {}\n");
		seed(target.toString(), "classpath:features.yml");
		assertThat(Files.readString(target)).isEqualTo("version: 1\nfeatures: {}\n");
	}

	@Test
	void leavesAClasspathLocationAlone() {
		seed("classpath:features.yml", "classpath:does-not-exist.yml");
		assertThat(this.dir).as("nothing written, and the missing seed never read").isEmptyDirectory();
	}

	@Test
	void aMissingSeedNamesTheSettingAndTheFix() {
		Path target = this.dir.resolve("features.yml");
		assertThatIllegalStateException().isThrownBy(() -> seed("file:" + target, "classpath:nope.yml"))
			.withMessageContaining("shop.features.seed")
			.withMessageContaining("classpath:nope.yml");
		assertThat(target).doesNotExist();
	}

	private void seed(String location, String seed) {
		MockEnvironment environment = new MockEnvironment().withProperty("flagstaff.features-location", location)
			.withProperty("shop.features.seed", seed);
		this.seeder.setEnvironment(environment);
		this.seeder.seed();
	}

}
