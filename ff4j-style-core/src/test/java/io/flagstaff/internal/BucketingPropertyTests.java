package io.flagstaff.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over 100,000 generated user ids: stickiness, uniformity, monotonic growth
 * and the independence of the variant from the rollout. Shares are asserted within one
 * percentage point of their expected value.
 */
class BucketingPropertyTests {

	private static final int USERS = 100_000;

	/**
	 * Half a percentage point: over 100,000 users one standard deviation of a share is
	 * 0.09 points at 10% and 0.16 points at 50%, so an unbiased hash stays well inside
	 * while a bias of a twentieth of a 10% share does not.
	 */
	private static final org.assertj.core.data.Offset<Double> SAMPLING_TOLERANCE = org.assertj.core.data.Offset
		.offset(0.005);

	private static final List<FeatureContext> CONTEXTS = generate();

	private final EvaluationRuntime runtime = new EvaluationRuntime(null, Clock.systemUTC(), false,
			new CoarseClock(Clock.systemUTC()), null, true);

	private static List<FeatureContext> generate() {
		List<FeatureContext> contexts = new ArrayList<>(USERS);
		for (int i = 0; i < USERS; i++) {
			contexts.add(FeatureContext.ofUser("user-" + i + "@example.com"));
		}
		return contexts;
	}

	private static Bucketer bucketer(BucketingScheme scheme) {
		return Bucketer.of(new Bucketing(scheme, null, null), "property-flag");
	}

	@ParameterizedTest
	@EnumSource(BucketingScheme.class)
	void aUserAlwaysLandsInTheSameBucket(BucketingScheme scheme) {
		Bucketer bucketer = bucketer(scheme);
		for (int i = 0; i < 2_000; i++) {
			FeatureContext first = CONTEXTS.get(i);
			FeatureContext again = FeatureContext.ofUser(first.userId());
			assertThat(bucketer.inRollout(again, this.runtime, 3_333))
				.isEqualTo(bucketer.inRollout(first, this.runtime, 3_333));
			assertThat(bucketer.variant(again, this.runtime, new int[] { 1, 2, 3 }))
				.isEqualTo(bucketer.variant(first, this.runtime, new int[] { 1, 2, 3 }));
		}
	}

	@ParameterizedTest
	@EnumSource(BucketingScheme.class)
	void eachDecileHoldsATenthOfTheUsers(BucketingScheme scheme) {
		Bucketer bucketer = bucketer(scheme);
		int[] deciles = new int[10];
		for (FeatureContext context : CONTEXTS) {
			int decile = 0;
			while (decile < 9 && !bucketer.inRollout(context, this.runtime, (decile + 1) * 1_000)) {
				decile++;
			}
			deciles[decile]++;
		}
		for (int count : deciles) {
			assertThat(count / (double) USERS).isCloseTo(0.10, SAMPLING_TOLERANCE);
		}
	}

	@ParameterizedTest
	@EnumSource(BucketingScheme.class)
	void variantSharesFollowTheirWeights(BucketingScheme scheme) {
		Bucketer bucketer = bucketer(scheme);
		int[] weights = { 50, 30, 20 };
		int[] cumulative = { 50, 80, 100 };
		int[] counts = new int[3];
		for (FeatureContext context : CONTEXTS) {
			counts[bucketer.variant(context, this.runtime, cumulative)]++;
		}
		for (int i = 0; i < 3; i++) {
			assertThat(counts[i] / (double) USERS).isCloseTo(weights[i] / 100.0, SAMPLING_TOLERANCE);
		}
	}

	@ParameterizedTest
	@EnumSource(BucketingScheme.class)
	void raisingTheRolloutKeepsEveryUserWhoWasOn(BucketingScheme scheme) {
		Bucketer bucketer = bucketer(scheme);
		int atTen = 0;
		int atTwenty = 0;
		for (FeatureContext context : CONTEXTS) {
			boolean wasOn = bucketer.inRollout(context, this.runtime, 1_000);
			boolean isOn = bucketer.inRollout(context, this.runtime, 2_000);
			if (wasOn) {
				assertThat(isOn).as("user %s on at 10%% must stay on at 20%%", context.userId()).isTrue();
			}
			atTen += wasOn ? 1 : 0;
			atTwenty += isOn ? 1 : 0;
		}
		assertThat(atTen / (double) USERS).isCloseTo(0.10, SAMPLING_TOLERANCE);
		assertThat(atTwenty / (double) USERS).isCloseTo(0.20, SAMPLING_TOLERANCE);
	}

	@ParameterizedTest
	@EnumSource(value = BucketingScheme.class, names = { "DEFAULT", "UNLEASH" })
	void theVariantIsIndependentOfTheRollout(BucketingScheme scheme) {
		Bucketer bucketer = bucketer(scheme);
		int[] cumulative = { 50, 100 };
		int inRollout = 0;
		int firstVariantInRollout = 0;
		for (FeatureContext context : CONTEXTS) {
			if (bucketer.inRollout(context, this.runtime, 2_000)) {
				inRollout++;
				firstVariantInRollout += (bucketer.variant(context, this.runtime, cumulative) == 0) ? 1 : 0;
			}
		}
		assertThat(firstVariantInRollout / (double) inRollout).isCloseTo(0.5,
				org.assertj.core.data.Offset.offset(0.02));
	}

	@Test
	void theDefaultSchemeHonoursTwoDecimalPercentages() {
		Bucketer bucketer = Bucketer.of(Bucketing.DEFAULT, "canary");
		long on = CONTEXTS.stream().filter((context) -> bucketer.inRollout(context, this.runtime, 50)).count();
		assertThat(on / (double) USERS).isCloseTo(0.005, org.assertj.core.data.Offset.offset(0.002));
	}

}
