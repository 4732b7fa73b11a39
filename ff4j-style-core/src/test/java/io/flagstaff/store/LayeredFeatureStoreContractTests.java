package io.flagstaff.store;

import java.util.Map;

import io.flagstaff.model.FeatureSet;

class LayeredFeatureStoreContractTests extends WritableFeatureStoreContract {

	@Override
	protected WritableFeatureStore createStore(MutableClock clock) {
		return LayeredFeatureStore.builder()
			.defaults(new InMemoryFeatureStore(FeatureSet.EMPTY, clock))
			.shared(new InMemoryFeatureStore(FeatureSet.EMPTY, clock))
			.environment(EnvironmentOverrides.of(Map.of("FLAGSTAFF_NOT_A_FLAG", "on")))
			.overrides(new InMemoryFeatureStore())
			.build();
	}

}
