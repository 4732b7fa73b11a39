package io.flagstaff.openfeature;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hook records each evaluation on the current observation by the OpenTelemetry
 * semantic conventions, and nothing without one.
 */
class ObservationHookTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	private final Fixture fixture = Fixture.create();

	private Client client;

	@BeforeEach
	void register() {
		this.api.setProviderAndWait(this.fixture.provider);
		this.client = this.api.getClient();
		this.client.addHooks(new ObservationHook(this.registry));
	}

	@AfterEach
	void close() {
		this.api.shutdown();
		this.fixture.flagstaff.close();
	}

	@Test
	void anEvaluationIsRecordedOnTheCurrentObservationByTheSemanticConventions() {
		Observation.createNotStarted("checkout", this.registry)
			.observe(() -> this.client.getStringValue("theme", "x", new ImmutableContext("u-42")));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("checkout")
			.that()
			.hasHighCardinalityKeyValue("feature_flag.key", "theme")
			.hasHighCardinalityKeyValue("feature_flag.result.variant", "dark")
			.hasHighCardinalityKeyValue("feature_flag.provider.name", "flagstaff")
			.hasHighCardinalityKeyValue("feature_flag.context.id", "u-42")
			.hasHighCardinalityKeyValue("feature_flag.result.reason", "default");
		TestObservationRegistryAssert.assertThat(this.registry).hasNumberOfObservationsEqualTo(1);
	}

	@Test
	void everyEvaluationOfAnObservationIsAnEventAndErrorsNameTheirType() {
		Observation.createNotStarted("checkout", this.registry).observe(() -> {
			this.client.getBooleanValue("plain", false);
			this.client.getBooleanValue("missing", false);
		});
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("checkout")
			.that()
			.hasHighCardinalityKeyValue("feature_flag.key", "missing")
			.hasHighCardinalityKeyValue("error.type", "FLAG_NOT_FOUND")
			.hasEvent("feature_flag.evaluation", "feature_flag.evaluation plain=on")
			.hasEvent("feature_flag.evaluation", "feature_flag.evaluation missing=false");
	}

	@Test
	void withoutACurrentObservationNothingIsRecorded() {
		assertThat(this.client.getBooleanValue("plain", false)).isTrue();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

}
