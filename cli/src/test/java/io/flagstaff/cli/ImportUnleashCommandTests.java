package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.cli.unleash.UnleashImporter;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flagstaff import-unleash}: an Unleash export becomes a native document that
 * buckets users as Unleash does.
 */
class ImportUnleashCommandTests {

	private static final String EXPORT = """
			{"version": 2, "features": [
			 {"name": "checkout-v2", "type": "release", "enabled": true, "project": "shop", "strategies": [
			  {"name": "flexibleRollout", "parameters": {"rollout": "73", "groupId": "gr1", "stickiness": "userId"}}]},
			 {"name": "beta", "enabled": true, "strategies": [{"name": "unknownStrategy"}]}]}
			""";

	@TempDir
	Path dir;

	@Test
	void anExportBecomesTheNativeDocumentOfTheImporter() throws IOException {
		Path export = this.dir.resolve("unleash.json");
		Files.writeString(export, EXPORT, StandardCharsets.UTF_8);
		CliRun run = CliRun.of("import-unleash", export.toString());
		assertThat(run.exitCode()).as(run.err()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).startsWith("version: 1\n").contains("scheme: unleash").contains("importNotes");
		FeatureSet features = FeatureDocuments.parse(run.out(), "converted");
		assertThat(features).isEqualTo(UnleashImporter.importPayload(EXPORT, "export"));
		try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(features)).build()) {
			// user 123 of group gr1 is in Unleash bucket 73 (client specification
			// vectors)
			assertThat(flagstaff.isEnabled("checkout-v2", FeatureContext.ofUser("123"))).isTrue();
			assertThat(flagstaff.isEnabled("beta", FeatureContext.ofUser("123"))).isFalse();
		}
	}

	@Test
	void theDocumentCanBeWrittenAsJsonToAFile() throws IOException {
		Path output = this.dir.resolve("features.json");
		CliRun run = CliRun.withInput(EXPORT, "import-unleash", "--output", output.toString(), "-");
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(Files.readString(output)).startsWith("{");
		assertThat(FeatureDocuments.parse(Files.readString(output), "file"))
			.isEqualTo(UnleashImporter.importPayload(EXPORT, "export"));
	}

	@Test
	void somethingThatIsNotAnUnleashExportExitsTwoWithItsProblems() {
		CliRun notJson = CliRun.withInput("features: [", "import-unleash", "-");
		assertThat(notJson.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(notJson.err()).startsWith("(stdin): invalid feature configuration (1 problem)\n")
			.contains("$: is not valid JSON");
		CliRun duplicate = CliRun.withInput("""
				{"features": [{"name": "a"}, {"name": "a"}]}""", "import-unleash", "-");
		assertThat(duplicate.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(duplicate.err()).contains("features[1].name: 'a' is defined twice; keep one definition");
	}

}
