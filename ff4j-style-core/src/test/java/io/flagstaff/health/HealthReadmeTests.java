package io.flagstaff.health;

import io.flagstaff.DocPages;
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
 * Keeps docs/operations.md honest: its policy example parses into the policy the text
 * describes.
 */
class HealthReadmeTests {

	@Test
	void thePolicyExampleParses() throws IOException {
		String readme = DocPages.read("operations.md");
		int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
		String yaml = readme.substring(start, readme.indexOf("```", start));
		FeatureDefinition flag = FeatureDocuments.parse(yaml, "README").features().get("new-checkout");
		assertThat(flag.health()).isEqualTo(new HealthPolicy(50, Duration.ofMinutes(1), 0.25, 40,
				Duration.ofMillis(300), 20, 0.5, HealthPolicy.Scope.VARIANT));
		assertThat(flag.variants()).hasSize(3);
	}

}
