package io.flagstaff.store.redis;

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

	@AfterEach
	void deleteTheKeys() {
		if (this.prefix != null) {
			this.store.close();
			TestRedis.deleteKeys(TestRedis.URI, this.prefix);
		}
	}

}
