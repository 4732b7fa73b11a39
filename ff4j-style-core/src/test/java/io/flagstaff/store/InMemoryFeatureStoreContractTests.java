package io.flagstaff.store;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;

class InMemoryFeatureStoreContractTests extends WritableFeatureStoreContract {

	@Override
	protected WritableFeatureStore createStore(MutableClock clock) {
		return new InMemoryFeatureStore(FeatureSet.EMPTY, clock);
	}

	@Override
	protected void storeUnchecked(FeatureDefinition feature) {
		((InMemoryFeatureStore) this.store).put(feature);
	}

}
