package io.flagstaff.store;

import java.util.Map;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;

class LayeredFeatureStoreContractTests extends WritableFeatureStoreContract {

	private InMemoryFeatureStore shared;

	@Override
	protected WritableFeatureStore createStore(MutableClock clock) {
		this.shared = new InMemoryFeatureStore(FeatureSet.EMPTY, clock);
		return LayeredFeatureStore.builder()
			.defaults(new InMemoryFeatureStore(FeatureSet.EMPTY, clock))
			.shared(this.shared)
			.environment(EnvironmentOverrides.of(Map.of("FLAGSTAFF_NOT_A_FLAG", "on")))
			.overrides(new InMemoryFeatureStore())
			.build();
	}

	@Override
	protected void storeUnchecked(FeatureDefinition feature) {
		this.shared.put(feature);
	}

}
