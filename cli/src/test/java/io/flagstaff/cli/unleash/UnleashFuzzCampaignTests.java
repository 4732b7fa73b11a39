package io.flagstaff.cli.unleash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.flagstaff.config.FuzzCampaign;
import io.flagstaff.config.FuzzTargets;
import io.flagstaff.config.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long fuzzing campaign of the Unleash importer, off unless asked for:
 * {@code ./mvnw -pl cli -am verify -Dtest=UnleashFuzzCampaignTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dflagstaff.fuzz.inputs=200000}. Writes
 * {@code target/fuzz-report.md}.
 */
@EnabledIfSystemProperty(named = "flagstaff.fuzz.inputs", matches = "[0-9]+")
class UnleashFuzzCampaignTests {

	@Test
	void theImporterOverTheLongCampaign() throws IOException {
		FuzzCampaign campaign = new FuzzCampaign("Unleash importer").run(Long.getLong("flagstaff.fuzz.inputs"),
				(seed) -> Mutator.mutate(UnleashFuzzTests.PAYLOADS, UnleashFuzzTests.DICTIONARY, seed),
				(payload) -> UnleashImporter.importPayload(payload, "fuzz"), FuzzTargets::checkRead);
		Files.writeString(Path.of("target", "fuzz-report.md"), campaign.row() + "\n");
		System.out.println(campaign.row());
		assertThat(campaign.defects()).as(campaign.row()).isZero();
	}

}
