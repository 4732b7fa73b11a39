package io.flagstaff.internal;

import io.flagstaff.DocPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.UsageSnapshot;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/evaluation.md honest: its YAML document loads and its Java example runs.
 */
class ReadmeExamplesTests {

	private static String evaluationSection() {
		return DocPages.read("evaluation.md");
	}

	@Test
	void theYamlExampleLoadsAndEvaluates() throws IOException {
		String section = evaluationSection();
		int start = section.indexOf("```yaml\n") + "```yaml\n".length();
		String yaml = section.substring(start, section.indexOf("```", start));
		FeatureSet set = FeatureDocuments.parse(yaml, "README.md");
		try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(set))
			.environment("production")
			.clock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T00:00:00Z"), java.time.ZoneOffset.UTC))
			.build()) {
			FeatureContext staff = FeatureContext.builder().userId("u-1").attribute("email", "ann.lee@ACME.io").build();
			Evaluation evaluation = flagstaff.evaluate("new-checkout", staff);
			assertThat(evaluation.reason()).isEqualTo(Reason.RULE_MATCH);
			assertThat(evaluation.rule()).isEqualTo("staff");
			FeatureContext office = FeatureContext.builder()
				.userId("u-2")
				.attribute("region", "FR")
				.attribute("ip", "10.1.2.3")
				.build();
			assertThat(flagstaff.variant("new-checkout", office)).isEqualTo("one-page");
			assertThat(flagstaff.evaluate("new-checkout", FeatureContext.empty()).rule()).isEqualTo("rules[5]");
		}
	}

	@Test
	void theJavaExampleRuns() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("new-checkout")
			.rule(Rule.serve(List.of(new Condition.Attribute("region", Operator.IN, List.of("DE", "RO"), false, false)),
					true))
			.rollout(10.0)
			.variants(List.of(new VariantDefinition("control", 50, null),
					new VariantDefinition("one-page", 50, FeatureValue.of("one-page"))))
			.build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).environment("production").build()) {
			FeatureContext user = FeatureContext.builder().userId("u-42").attribute("region", "DE").build();
			boolean on = flagstaff.isEnabled("new-checkout", user);
			String layout = flagstaff.getString("new-checkout", user, "classic");
			Evaluation why = flagstaff.evaluate("new-checkout", user);
			FeatureSnapshot pinned = flagstaff.snapshot();
			assertThat(on).isTrue();
			assertThat(layout).isIn("classic", "one-page");
			assertThat(why.rule()).isEqualTo("rules[0]");
			store.put(FeatureDefinition.builder("new-checkout").enabled(false).build());
			assertThat(pinned.isEnabled("new-checkout", user)).isTrue();
			assertThat(flagstaff.isEnabled("new-checkout", user)).isFalse();
			flagstaff.overrides().force("new-checkout", true);
			assertThat(flagstaff.isEnabled("new-checkout", user)).isTrue();
			flagstaff.overrides().clearAll();
			UsageSnapshot usage = flagstaff.usage();
			Map<String, Long> typos = flagstaff.unknownFlagCounts();
			assertThat(usage.feature("new-checkout").total()).isEqualTo(6);
			assertThat(typos).isEmpty();
		}
	}

}
