package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.LegacyOptions;
import io.flagstaff.config.Syntax;
import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flagstaff convert}: native YAML and JSON both ways, legacy to native, validated,
 * never overwriting without {@code --force}.
 */
class ConvertCommandTests {

	static final String NATIVE = """
			version: 1
			segments:
			  eu-premium:
			    - { attribute: region, in: [DE, RO] }
			features:
			  new-checkout:
			    owner: checkout-team
			    expires: 2027-03-01
			    requires: [new-ui]
			    rules:
			      - when: [ { segment: eu-premium } ]
			        rollout: 50
			    rollout: 10
			    variants: { control: 50, one-page: { weight: 50, value: { steps: 1 } } }
			  new-ui:
			    owner: web-team
			    enabled: false
			""";

	static final String LEGACY = """
			{
			  "new_dashboard": {"active": true, "percentage_rollout": 25, "regions": ["US", "DE"],
			    "activation_date": "2026-12-01T08:00:00", "metadata": {"owner": "web"}},
			  "beta_search": {"active": true, "beta_program": true, "depends_on": ["new_dashboard"]}
			}
			""";

	@TempDir
	Path dir;

	@Test
	void aYamlDocumentRoundTripsThroughJson() throws IOException {
		Path yaml = write("features.yml", NATIVE);
		Path json = this.dir.resolve("features.json");
		CliRun toJson = CliRun.of("convert", "--output", json.toString(), yaml.toString());
		assertThat(toJson.exitCode()).as(toJson.err()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(toJson.err()).isEqualTo("wrote 2 flags and 1 segments to " + json + "\n");
		String jsonText = Files.readString(json);
		assertThat(FeatureDocuments.detectSyntax(jsonText)).isEqualTo(Syntax.JSON);
		CliRun back = CliRun.of("convert", "--format", "yaml", json.toString());
		assertThat(back.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(FeatureDocuments.parse(back.out(), "back")).isEqualTo(FeatureDocuments.parse(NATIVE, "native"));
		assertThat(back.out()).isEqualTo(FeatureDocuments.write(FeatureDocuments.parse(NATIVE, "n"), Syntax.YAML));
	}

	@Test
	void aLegacyDocumentBecomesTheNativeDocumentThatAnswersTheSame() throws IOException {
		Path legacy = write("features_config.json", LEGACY);
		CliRun run = CliRun.of("convert", "--legacy-zone", "Europe/Bucharest", legacy.toString());
		assertThat(run.exitCode()).as(run.err()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).startsWith("version: 1\n").doesNotContain("percentage_rollout");
		FeatureSet expected = FeatureDocuments.parse(LEGACY, "legacy",
				LegacyOptions.DEFAULTS.withZone(ZoneId.of("Europe/Bucharest")));
		assertThat(FeatureDocuments.parse(run.out(), "converted")).isEqualTo(expected);
		assertThat(FeatureDocuments.parse(run.out(), "converted"))
			.isNotEqualTo(FeatureDocuments.parse(LEGACY, "legacy in UTC"));
	}

	@Test
	void standardInputIsReadForADash() {
		CliRun run = CliRun.withInput(NATIVE, "convert", "--format", "json", "-");
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(FeatureDocuments.parse(run.out(), "stdout")).isEqualTo(FeatureDocuments.parse(NATIVE, "n"));
		assertThat(run.out()).startsWith("{");
	}

	@Test
	void anExistingOutputIsOverwrittenOnlyWithForce() throws IOException {
		Path input = write("features.yml", NATIVE);
		Path output = write("out.json", "keep me");
		CliRun refused = CliRun.of("convert", "--output", output.toString(), input.toString());
		assertThat(refused.exitCode()).isEqualTo(FlagstaffCli.REFUSED);
		assertThat(refused.err())
			.isEqualTo(output + " already exists: pass --force to overwrite it, or choose another --output\n");
		assertThat(Files.readString(output)).isEqualTo("keep me");
		CliRun forced = CliRun.of("convert", "--output", output.toString(), "--force", input.toString());
		assertThat(forced.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(FeatureDocuments.parse(Files.readString(output), "out"))
			.isEqualTo(FeatureDocuments.parse(NATIVE, "n"));
		assertThat(Files.list(this.dir)).extracting((path) -> path.getFileName().toString())
			.containsExactlyInAnyOrder("features.yml", "out.json");
	}

	@Test
	void anInvalidDocumentIsNotConvertedAndEveryProblemIsPrinted() throws IOException {
		Path input = write("features.yml", """
				version: 1
				features:
				  a:
				    rollout: 150
				  b:
				    requires: [missing]
				""");
		Path output = this.dir.resolve("out.yml");
		CliRun run = CliRun.of("convert", "--output", output.toString(), input.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).startsWith(input + ": invalid feature configuration").contains("features.a.rollout");
		assertThat(output).doesNotExist();
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
