package io.flagstaff.openfeature;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.flagstaff.Exposure;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.experiments.ExposureQueue;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.openfeature.conformance.OutageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An evaluation through OpenFeature counts like a direct call (usage statistics,
 * exposures), {@code client.track} credits conversions to experiments, and a scope pins
 * the snapshot and lends its context.
 */
class EvaluationEffectsTests {

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	@AfterEach
	void close() {
		this.api.shutdown();
	}

	@Test
	void evaluationsThroughOpenFeatureCountInUsageStatisticsLikeDirectCalls() {
		try (Fixture fixture = Fixture.create()) {
			this.api.setProviderAndWait(fixture.provider);
			Client client = this.api.getClient();
			for (int i = 0; i < 5; i++) {
				client.getBooleanValue("plain", false);
				client.getStringValue("theme", "x", new ImmutableContext("u-" + i));
			}
			fixture.flagstaff.isEnabled("plain");
			assertThat(usage(fixture.flagstaff, "plain")).isEqualTo(6);
			assertThat(usage(fixture.flagstaff, "theme")).isEqualTo(5);
		}
	}

	@Test
	void evaluationsOfATrackedFlagAreExposuresOfTheMappedUser() {
		List<Exposure> exposures = new CopyOnWriteArrayList<>();
		try (Fixture fixture = Fixture.create((builder) -> builder.exposureListener(exposures::add), (b) -> b)) {
			this.api.setProviderAndWait(fixture.provider);
			String variant = this.api.getClient().getStringValue("tracked", "none", new ImmutableContext("u-7"));
			assertThat(exposures).singleElement().satisfies((exposure) -> {
				assertThat(exposure.key()).isEqualTo("tracked");
				assertThat(exposure.userId()).isEqualTo("u-7");
				assertThat(exposure.variant()).isEqualTo(variant);
			});
		}
	}

	@Test
	void trackCreditsAConversionToTheExperimentsTheUserWasExposedTo() {
		OutageStore store = new OutageStore(Fixture.flags());
		try (ExposureQueue queue = new ExposureQueue();
				Flagstaff flagstaff = Flagstaff.builder(store).exposureListener(queue).build()) {
			ExperimentTracker tracker = new ExperimentTracker(flagstaff);
			queue.addListener(tracker);
			this.api.setProviderAndWait(FlagstaffProvider.builder(flagstaff).conversions(tracker::track).build());
			Client client = this.api.getClient();
			String variant = client.getStringValue("tracked", "none", new ImmutableContext("u-1"));
			await().atMost(Duration.ofSeconds(10)).until(() -> queue.delivered() == 1);
			client.track("purchase", new ImmutableContext("u-1"), new MutableTrackingEventDetails(42.0));
			client.track("purchase", new ImmutableContext("u-unknown"));
			assertThat(tracker.results("tracked").variant(variant).conversions()).containsEntry("purchase", 1L);
		}
	}

	@Test
	void aFailingConversionTrackerNeverReachesTheCaller() {
		try (Fixture fixture = Fixture.create((b) -> b, (builder) -> builder.conversions((event, context) -> {
			throw new IllegalStateException("boom");
		}))) {
			this.api.setProviderAndWait(fixture.provider);
			this.api.getClient().track("purchase", new ImmutableContext("u-1"));
		}
	}

	@Test
	void aScopePinsItsSnapshotAndLendsItsContextAsTheBase() {
		ScopeHolder holder = new ScopeHolder();
		try (Fixture fixture = Fixture.create((b) -> b, (builder) -> builder.scopes(holder))) {
			this.api.setProviderAndWait(fixture.provider);
			Client client = this.api.getClient();
			holder.scope = new ScopeSource.Scope(fixture.flagstaff.snapshot(),
					FeatureContext.builder().userId("u-2").attribute("region", "DE").build());
			fixture.store.content().put(FeatureDefinition.builder("vip").enabled(false).build());
			assertThat(client.getBooleanValue("vip", false)).as("the pinned snapshot, the scope's region").isTrue();
			assertThat(client.getBooleanValue("vip", true, new ImmutableContext("u-9")))
				.as("the call's targeting key overrides the scope's user: u-9 is denied")
				.isFalse();
			holder.scope = null;
			assertThat(client.getBooleanDetails("vip", true).getReason()).as("no scope: the current snapshot")
				.isEqualTo("DISABLED");
		}
	}

	private static long usage(Flagstaff flagstaff, String key) {
		return flagstaff.usage().feature(key).total();
	}

	private static final class ScopeHolder implements ScopeSource {

		volatile ScopeSource.Scope scope;

		@Override
		public ScopeSource.Scope current() {
			return this.scope;
		}

	}

}
