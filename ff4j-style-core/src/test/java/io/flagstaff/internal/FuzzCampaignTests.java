package io.flagstaff.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.config.FuzzCampaign;
import io.flagstaff.config.FuzzTargets;
import io.flagstaff.config.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long fuzzing campaign whose figures docs/hardening.md reports; off unless asked
 * for: {@code ./mvnw -pl ff4j-style-core verify -Dtest=FuzzCampaignTests
 * -Dflagstaff.fuzz.inputs=200000}. Writes {@code target/fuzz-report.md}.
 */
@EnabledIfSystemProperty(named = "flagstaff.fuzz.inputs", matches = "[0-9]+")
class FuzzCampaignTests {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Test
	void everyReaderAndEvaluationOverTheLongCampaign() throws IOException {
		long inputs = Long.getLong("flagstaff.fuzz.inputs");
		long contexts = Long.getLong("flagstaff.fuzz.contexts", inputs / 2);
		List<FuzzCampaign> campaigns = new ArrayList<>();
		campaigns.add(new FuzzCampaign("native YAML").run(inputs,
				(seed) -> Mutator.mutate(FuzzTargets.NATIVE_YAML, Mutator.NATIVE, seed), FuzzTargets::parse,
				FuzzTargets::checkRead));
		campaigns.add(new FuzzCampaign("native JSON").run(inputs,
				(seed) -> Mutator.mutate(FuzzTargets.NATIVE_JSON, Mutator.NATIVE, seed), FuzzTargets::parse,
				FuzzTargets::checkRead));
		campaigns.add(new FuzzCampaign("legacy features_config.json").run(inputs,
				(seed) -> Mutator.mutate(FuzzTargets.LEGACY, Mutator.LEGACY, seed), FuzzTargets::parse,
				FuzzTargets::checkRead));
		campaigns.add(new FuzzCampaign("store rows (one flag or segment)").run(inputs,
				(seed) -> Mutator.mutate(FuzzTargets.ROWS, Mutator.NATIVE, seed), FuzzTargets::parseRow,
				FuzzTargets::checkRead));
		FuzzCampaign evaluation = new FuzzCampaign(
				"evaluation (" + EvaluationFuzzTests.SNAPSHOT.featureKeys().size() + " flags x 8 methods per context)");
		Iterator<FeatureContext> generated = EvaluationFuzzTests.contexts().sampleStream().iterator();
		for (long seed = 0; seed < contexts; seed++) {
			FeatureContext context = generated.next();
			long start = THREADS.getCurrentThreadCpuTime();
			String outcome = "evaluated";
			try {
				FuzzTargets.evaluateAll(EvaluationFuzzTests.SNAPSHOT, List.of(context));
			}
			catch (Throwable ex) {
				outcome = "DEFECT " + ex.getClass().getName();
			}
			evaluation.record(seed, context.toString().length(), THREADS.getCurrentThreadCpuTime() - start, outcome);
		}
		campaigns.add(evaluation);
		StringBuilder report = new StringBuilder("| target | inputs | volume | outcomes | slowest | worst share of the "
				+ "time budget |\n|---|---|---|---|---|---|\n");
		campaigns.forEach((campaign) -> report.append(campaign.row()).append('\n'));
		Files.writeString(Path.of("target", "fuzz-report.md"), report);
		System.out.println(report);
		assertThat(campaigns).allSatisfy((campaign) -> assertThat(campaign.defects()).as(campaign.row()).isZero());
	}

}
