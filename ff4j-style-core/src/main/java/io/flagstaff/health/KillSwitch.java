package io.flagstaff.health;

import java.util.Map;

import io.flagstaff.model.Kill;
import io.flagstaff.store.WritableFeatureStore;

/**
 * Writes an automatic disable to the store, so that it reaches every instance and
 * survives a restart. Implementations are thread-safe and may block (they are never
 * called on a business thread).
 */
public interface KillSwitch {

	/**
	 * Switches a flag off for everyone, recording who did it, why and when.
	 * @param feature the flag key
	 * @param kill the actor, the reason with its figures, and the time
	 * @throws io.flagstaff.store.FeatureStoreException when the store cannot be written
	 */
	void disable(String feature, Kill kill);

	/**
	 * Replaces a flag's variant weights, to take one variant out of rotation.
	 * @param feature the flag key
	 * @param weights the new weight of every variant, by name
	 * @param kill the actor, the reason with its figures, and the time, for the audit
	 * trail
	 * @throws io.flagstaff.store.FeatureStoreException when the store cannot be written
	 */
	void setVariantWeights(String feature, Map<String, Integer> weights, Kill kill);

	/**
	 * Returns a kill switch that writes to a store: a disable becomes
	 * {@link WritableFeatureStore#disable(String, Kill, String)} (the flag then serves
	 * off with reason {@code KILLED} until enabled, and the audit entry carries the
	 * kill's reason), a variant shift becomes
	 * {@link WritableFeatureStore#setVariantWeights(String, java.util.Map, String, String)}
	 * with the kill's reason for the audit entry; both by the kill's actor.
	 * @param store the store
	 * @return the kill switch
	 */
	static KillSwitch of(WritableFeatureStore store) {
		return new StoreKillSwitch(store);
	}

}
