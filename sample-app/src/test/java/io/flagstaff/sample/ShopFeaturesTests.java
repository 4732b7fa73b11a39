package io.flagstaff.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.hygiene.HygieneFinding;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.hygiene.HygieneReport;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.ResourceFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shop's shipped {@code features.yml}, evaluated with the plain core: it reads
 * without problems, no flag is past its expiry, and the flags answer as the README
 * walkthrough says.
 */
class ShopFeaturesTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final Flagstaff flagstaff = Flagstaff.builder(ResourceFeatureStore.of("classpath:features.yml"))
		.environment("production")
		.clock(Clock.fixed(NOW, ZoneOffset.UTC))
		.build();

	// ROLLOUT for the non-matching rows: no rule matched and the flag's own rollout is
	// 0%;
	// RULE_MATCH off for the last: the rule matched but a shopper without an id cannot be
	// bucketed into its 90%
	@ParameterizedTest(name = "user={0} region={1} account={2} beta={3} env={4} -> {5}")
	@CsvSource(nullValues = "-", textBlock = """
			123,        DE, free,       false, production, true,  ALLOWED
			456,        -,  -,          -,     staging,    true,  ALLOWED
			789,        US, premium,    true,  dev,        true,  ALLOWED
			123,        US, premium,    true,  test,       false, ENVIRONMENT
			u-1,        DE, premium,    true,  production, false, ROLLOUT
			u-1,        US, free,       true,  production, false, ROLLOUT
			u-1,        US, premium,    false, production, false, ROLLOUT
			u-1,        RO, enterprise, -,     production, false, ROLLOUT
			-,          US, premium,    true,  production, false, RULE_MATCH
			""")
	void newUi(String user, String region, String accountType, String beta, String environment, boolean enabled,
			Reason reason) {
		FeatureContext context = FeatureContext.builder()
			.userId(user)
			.environment(environment)
			.attribute("region", region)
			.attribute("accountType", accountType)
			.attribute("beta", beta)
			.build();
		var evaluation = this.flagstaff.evaluate("new-ui", context);
		assertThat(evaluation.enabled()).isEqualTo(enabled);
		assertThat(evaluation.reason()).isEqualTo(reason);
	}

	@Test
	void newUiReachesNinetyPercentOfBetaTestersInTheLaunchMarkets() {
		int users = 4000;
		int on = 0;
		for (int i = 0; i < users; i++) {
			FeatureContext context = FeatureContext.builder()
				.userId("gen-" + i)
				.attribute("region", (i % 2 == 0) ? "US" : "RO")
				.attribute("accountType", (i % 3 == 0) ? "enterprise" : "premium")
				.attribute("beta", "true")
				.build();
			if (this.flagstaff.isEnabled("new-ui", context)) {
				on++;
			}
		}
		assertThat(on / (double) users).isCloseTo(0.90, within(0.02));
	}

	@Test
	void advancedSearchRequiresTheNewUi() {
		FeatureContext allowedInUs = FeatureContext.builder().userId("123").attribute("region", "US").build();
		FeatureContext outsider = FeatureContext.builder().userId("nobody").attribute("region", "US").build();
		assertThat(this.flagstaff.evaluate("advanced-search", outsider).reason()).isEqualTo(Reason.PREREQUISITE);
		Evaluation inUs = this.flagstaff.evaluate("advanced-search", allowedInUs);
		assertThat(inUs.reason()).isIn(Reason.RULE_MATCH, Reason.ROLLOUT);
		assertThat(inUs.enabled()).as("user 123 is inside the US rollout").isTrue();
		FeatureContext allowedInDe = FeatureContext.builder().userId("123").attribute("region", "DE").build();
		assertThat(this.flagstaff.isEnabled("advanced-search", allowedInDe)).isFalse();
	}

	@Test
	void pricingSplitsShoppersAcrossTheThreeVariants() {
		int[] counts = new int[3];
		for (int i = 0; i < 3000; i++) {
			String variant = this.flagstaff.variant("pricing", FeatureContext.ofUser("p-" + i));
			counts[switch (variant) {
				case "control" -> 0;
				case "discount" -> 1;
				case "annual" -> 2;
				default -> throw new AssertionError(variant);
			}]++;
		}
		for (int count : counts) {
			assertThat(count / 3000.0).isCloseTo(1 / 3.0, within(0.03));
		}
	}

	@Test
	void noFlagIsExpiredAndEveryFlagHasAnOwner() {
		FeatureSet features = this.flagstaff.snapshot().featureSet();
		HygieneReport report = HygieneInspector.builder()
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build()
			.inspect(features);
		assertThat(report.hasExpired()).as(report.findings().toString()).isFalse();
		assertThat(report.findings(HygieneFinding.Kind.NO_OWNER)).isEmpty();
		assertThat(report.findings(HygieneFinding.Kind.MISSING_PREREQUISITE)).isEmpty();
	}

}
