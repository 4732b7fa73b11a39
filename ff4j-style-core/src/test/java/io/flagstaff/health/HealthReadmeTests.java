package io.flagstaff.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README's "Health guard and flag hygiene" section honest: its policy example
 * parses into the policy the text describes.
 */
class HealthReadmeTests {

	@Test
	void thePolicyExampleParses() throws IOException {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("README.md"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("README.md above the working directory").isNotNull();
		String readme = Files.readString(directory.resolve("README.md"), StandardCharsets.UTF_8);
		int section = readme.indexOf("## Health guard and flag hygiene");
		assertThat(section).as("README has the health section").isNotNegative();
		int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
		String yaml = readme.substring(start, readme.indexOf("```", start));
		FeatureDefinition flag = FeatureDocuments.parse(yaml, "README").features().get("new-checkout");
		assertThat(flag.health()).isEqualTo(new HealthPolicy(50, Duration.ofMinutes(1), 0.25, 40,
				Duration.ofMillis(300), 20, 0.5, HealthPolicy.Scope.VARIANT));
		assertThat(flag.variants()).hasSize(3);
	}

}
