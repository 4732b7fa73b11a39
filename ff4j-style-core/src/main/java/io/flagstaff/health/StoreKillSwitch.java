package io.flagstaff.health;

import java.util.Map;
import java.util.Objects;

import io.flagstaff.model.Kill;
import io.flagstaff.store.WritableFeatureStore;

/**
 * The {@link KillSwitch} over a {@link WritableFeatureStore}.
 */
final class StoreKillSwitch implements KillSwitch {

	private final WritableFeatureStore store;

	StoreKillSwitch(WritableFeatureStore store) {
		this.store = Objects.requireNonNull(store, "store");
	}

	@Override
	public void disable(String feature, Kill kill) {
		this.store.disable(feature, kill, kill.actor());
	}

	@Override
	public void setVariantWeights(String feature, Map<String, Integer> weights, Kill kill) {
		this.store.setVariantWeights(feature, weights, kill.actor(), kill.reason());
	}

	@Override
	public String toString() {
		return "KillSwitch[" + this.store + "]";
	}

}
