package io.flagstaff.store.redis;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.WritableFeatureStoreContract;
import org.junit.jupiter.api.AfterEach;

class RedisStoreContractTests extends WritableFeatureStoreContract {

	private String prefix;

	@Override
	protected WritableFeatureStore createStore(MutableClock clock) {
		TestRedis.require();
		this.prefix = TestRedis.uniquePrefix();
		return TestRedis.store(TestRedis.URI, this.prefix, clock);
	}

	@Override
	protected void storeUnchecked(FeatureDefinition feature) {
		String envelope = RedisDocuments.envelope(1, FeatureDocumentCodec.writeFeature(feature),
				new AuditEntry(feature.key(), AuditAction.CREATE, "hand", START, null, feature, null));
		TestRedis.withCommands(TestRedis.URI,
				(commands) -> commands.hset(this.prefix + "features", feature.key(), envelope));
	}

	@AfterEach
	void deleteTheKeys() {
		if (this.prefix != null) {
			this.store.close();
			TestRedis.deleteKeys(TestRedis.URI, this.prefix);
		}
	}

}
