package io.flagstaff.store.redis;

import java.time.Clock;

import io.flagstaff.store.StoreBootstrapContract;
import io.flagstaff.store.WritableFeatureStore;

/**
 * The bootstrap contract on the shared Redis (a key prefix per test): eight instances,
 * each with its own connection, bootstrap one empty prefix at once.
 */
class RedisStoreBootstrapTests extends StoreBootstrapContract {

	private final String prefix = TestRedis.uniquePrefix();

	@Override
	protected AutoCloseable openBackend() {
		TestRedis.require();
		return () -> TestRedis.deleteKeys(TestRedis.URI, this.prefix);
	}

	@Override
	protected WritableFeatureStore createInstance(Clock clock) {
		return TestRedis.store(TestRedis.URI, this.prefix, clock);
	}

}
