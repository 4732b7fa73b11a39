package io.flagstaff.experiments;

import java.time.Duration;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExperimentTrackerTests {

	private final InMemoryFeatureStore store = InMemoryFeatureStore.of(
			FeatureDefinition.builder("checkout")
				.track(true)
				.variants(List.of(new VariantDefinition("control", 50, null),
						new VariantDefinition("one-page", 50, null)))
				.build(),
			FeatureDefinition.builder("banner")
				.track(true)
				.bucketing(new Bucketing(BucketingScheme.DEFAULT, "accountId", null, List.of("sessionId")))
				.build(),
			FeatureDefinition.builder("untracked").build());

	@Test
	void conversionsAreAttributedToTheVariantEachUserWasExposedTo() {
		try (ExposureQueue queue = new ExposureQueue();
				Flagstaff flagstaff = Flagstaff.builder(this.store).exposureListener(queue).build()) {
			ExperimentTracker tracker = new ExperimentTracker(flagstaff);
			queue.addListener(tracker);
			int users = 400;
			int control = 0;
			boolean[] inControl = new boolean[users];
			for (int i = 0; i < users; i++) {
				FeatureContext user = FeatureContext.ofUser("u-" + i);
				inControl[i] = "control".equals(flagstaff.variant("checkout", user));
				assertThat(flagstaff.variant("checkout", user)).as("sticky")
					.isEqualTo(inControl[i] ? "control" : "one-page");
				control += inControl[i] ? 1 : 0;
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> queue.delivered() == 2L * users);
			int controlPurchases = 0;
			for (int i = 0; i < users; i += 4) {
				FeatureContext user = FeatureContext.ofUser("u-" + i);
				assertThat(tracker.track("purchase", user)).isEqualTo(1);
				tracker.track("purchase", user);
				controlPurchases += inControl[i] ? 1 : 0;
			}
			ExperimentResults results = tracker.results("checkout");
			assertThat(results.variants()).containsOnlyKeys("control", "one-page");
			ExperimentResults.VariantResults controlResults = results.variant("control");
			assertThat(controlResults.exposedKeys()).isEqualTo(control);
			assertThat(controlResults.exposures()).isEqualTo(2L * control);
			assertThat(controlResults.convertedKeys()).containsEntry("purchase", (long) controlPurchases);
			assertThat(controlResults.conversions()).containsEntry("purchase", 2L * controlPurchases);
			assertThat(results.variant("one-page").convertedKeys()).containsEntry("purchase",
					(long) (users / 4 - controlPurchases));
			assertThat(controlResults.conversionRate("purchase")).isEqualTo((double) controlPurchases / control);
		}
	}

	@Test
	void aConversionIsFoundByTheFlagsBucketingAttributeAndItsFallback() {
		try (ExposureQueue queue = new ExposureQueue();
				Flagstaff flagstaff = Flagstaff.builder(this.store).exposureListener(queue).build()) {
			ExperimentTracker tracker = new ExperimentTracker(flagstaff);
			queue.addListener(tracker);
			flagstaff.isEnabled("banner", FeatureContext.builder().attribute("accountId", "acme").build());
			flagstaff.isEnabled("banner", FeatureContext.builder().sessionId("s-1").build());
			flagstaff.isEnabled("untracked", FeatureContext.ofUser("u-1"));
			await().atMost(Duration.ofSeconds(30)).until(() -> queue.delivered() == 2);
			assertThat(tracker.track("click",
					FeatureContext.builder().userId("u-7").attribute("accountId", "acme").build()))
				.isEqualTo(1);
			assertThat(tracker.track("click", FeatureContext.builder().sessionId("s-1").build())).isEqualTo(1);
			assertThat(tracker.track("click", FeatureContext.ofUser("u-1"))).isZero();
			assertThat(tracker.results("banner").variant("on").convertedKeys()).containsEntry("click", 2L);
			assertThat(tracker.results("untracked").variants()).isEmpty();
		}
	}

	@Test
	void exposuresBeyondTheKeyLimitAreCountedAsUntracked() {
		try (Flagstaff flagstaff = Flagstaff.builder(this.store).build()) {
			ExperimentTracker tracker = new ExperimentTracker(flagstaff, 2);
			for (int i = 0; i < 5; i++) {
				tracker.onExposure(ExposureQueueTests.exposure("u-" + i));
			}
			tracker.onExposure(ExposureQueueTests.exposure("u-0"));
			assertThat(tracker.untracked()).isEqualTo(3);
			assertThat(tracker.results("checkout").variant("one-page").exposedKeys()).isEqualTo(2);
			assertThat(tracker.results("checkout").variant("one-page").exposures()).isEqualTo(3);
		}
	}

}
