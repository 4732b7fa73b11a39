package io.flagstaff.spring.observation;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.store.InMemoryFeatureStore;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

class ObservationFeatureCallRecorderTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationFeatureCallRecorder recorder = new ObservationFeatureCallRecorder(this.registry);

	@Test
	void aGuardedCallsEvaluationIsRecordedOnTheCurrentObservationWithTheRequestsUser() {
		try (Flagstaff flagstaff = Flagstaff.builder(InMemoryFeatureStore.of(FeatureDefinition.builder("a").build()))
			.build()) {
			FeatureScope scope = FeatureScope.pin(flagstaff, FeatureContext.ofUser("u-42"));
			try (FeatureScope.Opened opened = scope.open()) {
				Observation.createNotStarted("request", this.registry)
					.observe(() -> this.recorder.recordEvaluation("new-checkout", "on"));
			}
		}
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("request")
			.that()
			.hasHighCardinalityKeyValue("feature_flag.key", "new-checkout")
			.hasHighCardinalityKeyValue("feature_flag.result.variant", "on")
			.hasHighCardinalityKeyValue("feature_flag.provider.name", "flagstaff")
			.hasHighCardinalityKeyValue("feature_flag.context.id", "u-42")
			.hasEvent("feature_flag.evaluation", "feature_flag.evaluation new-checkout=on");
	}

	@Test
	void withoutACurrentObservationNothingIsRecorded() {
		this.recorder.recordEvaluation("new-checkout", "off");
		this.recorder.recordSuccess("new-checkout", null, 10);
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

}
