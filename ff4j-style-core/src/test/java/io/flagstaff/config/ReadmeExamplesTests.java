package io.flagstaff.config;

import io.flagstaff.DocPages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Keeps docs/configuration.md honest: its documents parse and its validation output is
 * what the parser prints.
 */
class ReadmeExamplesTests {

	private static String section() {
		return DocPages.read("configuration.md");
	}

	private static List<String> blocks(String section, String language) {
		List<String> blocks = new ArrayList<>();
		String fence = "```" + language + "\n";
		int at = section.indexOf(fence);
		while (at >= 0) {
			int close = section.indexOf("\n```", at + fence.length());
			blocks.add(section.substring(at + fence.length(), close + 1));
			at = section.indexOf(fence, close + 4);
		}
		return blocks;
	}

	@Test
	void everyYamlAndJsonDocumentOfTheFormatPagesIsValid() throws IOException {
		String section = section();
		List<String> documents = new ArrayList<>(blocks(section, "yaml"));
		documents.addAll(blocks(DocPages.read("migrating.md"), "json"));
		assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
		for (String document : documents) {
			FeatureSet set = FeatureDocuments.parse(document, "README");
			assertThat(set.features()).isNotEmpty();
		}
	}

	@Test
	void theFullExampleIsTheTestedOne() throws IOException {
		String example = blocks(section(), "yaml").get(0);
		assertThat(FeatureDocuments.parse(example, "README"))
			.isEqualTo(FeatureDocuments.parse(Documents.read("full-example.yml"), "full-example.yml"));
	}

	@Test
	void theValidationExampleIsWhatTheParserReports() throws IOException {
		String document = """
				version: 1
				features:
				  new-ui: {}
				  new-checkout:
				    rolout: 10
				    rules: [ { rollout: 150 } ]
				    health: { window: 1 minute }
				  search:
				    requires: [new-iu]
				""";
		FeatureConfigException problems = catchThrowableOfType(FeatureConfigException.class,
				() -> FeatureDocuments.parse(document, "features.yml"));
		assertThat(blocks(section(), "text")).contains(problems.getMessage() + "\n");
	}

}
