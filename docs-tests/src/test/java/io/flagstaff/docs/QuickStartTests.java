package io.flagstaff.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's quick start is this module's own code: every Java and YAML block of README is
 * the file it claims to be, so the quick start compiles and its test runs with the build.
 */
class QuickStartTests {

	private static final Pattern TYPE = Pattern
		.compile("^(?:public )?(?:final )?(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	@Test
	void everyJavaBlockOfTheReadmeIsASourceOfThisModule() throws IOException {
		List<Markdown.Block> blocks = Markdown.blocks("README.md", "java");
		assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
		for (Markdown.Block block : blocks) {
			Path source = source(block);
			assertThat(source).as("the source of the snippet at %s", block.where()).exists();
			assertThat(block.text()).as("the snippet at %s, against %s", block.where(), source)
				.isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
		}
	}

	@Test
	void theReadmeFlagDocumentIsThisModulesFeaturesYml() throws IOException {
		List<Markdown.Block> blocks = Markdown.blocks("README.md", "yaml");
		assertThat(blocks).hasSize(1);
		Path features = Markdown.root().resolve("docs-tests/src/main/resources/features.yml");
		assertThat(blocks.get(0).text()).isEqualTo(Files.readString(features, StandardCharsets.UTF_8));
	}

	@Test
	void theReadmeDependenciesAreTheOnesThisModuleUses() throws IOException {
		String pom = Files.readString(Markdown.root().resolve("docs-tests/pom.xml"), StandardCharsets.UTF_8);
		String bom = Files.readString(Markdown.root().resolve("bom/pom.xml"), StandardCharsets.UTF_8);
		List<Markdown.Block> blocks = Markdown.blocks("README.md", "xml");
		assertThat(blocks).hasSize(1);
		Matcher artifacts = Pattern.compile("<artifactId>(flagstaff-[\\w-]+)</artifactId>")
			.matcher(blocks.get(0).text());
		int count = 0;
		while (artifacts.find()) {
			String artifact = artifacts.group(1);
			if (!artifact.equals("flagstaff-bom")) {
				assertThat(pom).as("docs-tests/pom.xml uses %s as README says", artifact)
					.contains("<artifactId>" + artifact + "</artifactId>");
				assertThat(bom).as("the BOM manages %s", artifact)
					.contains("<artifactId>" + artifact + "</artifactId>");
			}
			count++;
		}
		assertThat(count).isEqualTo(3);
	}

	private static Path source(Markdown.Block block) {
		Matcher type = TYPE.matcher(block.text());
		Matcher pkg = PACKAGE.matcher(block.text());
		assertThat(type.find()).as("a type declared in %s", block.where()).isTrue();
		assertThat(pkg.find()).as("a package declared in %s", block.where()).isTrue();
		String directory = type.group(1).endsWith("Tests") ? "test" : "main";
		return Markdown.root()
			.resolve("docs-tests/src/" + directory + "/java/" + pkg.group(1).replace('.', '/') + "/" + type.group(1)
					+ ".java");
	}

}
