package io.flagstaff.store.redis;

import java.nio.file.Path;
import java.time.Clock;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.MultiInstanceStoreContract;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WritableFeatureStore;

/**
 * The multi-instance contract on the shared Redis (a key prefix per test), with pub/sub
 * propagation measured; the outage is a {@code redis-server} of the test's own, stopped,
 * changed while stopped, and started again.
 */
class RedisMultiInstanceTests extends MultiInstanceStoreContract {

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

	@Override
	protected String writeMalformedDocuments() {
		TestRedis.withCommands(TestRedis.URI, (redis) -> {
			redis.hset(this.prefix + "features", "a", "{\"version\": 2, \"document\": {\"enabled\": \"sometimes\"}}");
			redis.hset(this.prefix + "features", "b", "not json at all");
			long revision = redis.incr(this.prefix + "revision");
			return redis.publish(this.prefix + "changes", Long.toString(revision));
		});
		return this.prefix;
	}

	@Override
	protected boolean pushesChanges() {
		return true;
	}

	@Override
	protected String propagationLabel() {
		return "Redis pub/sub, loopback";
	}

	@Override
	protected Outage outage(Path folder) throws Exception {
		RedisServerProcess.requireBinary();
		RedisServerProcess server = new RedisServerProcess(folder);
		server.start();
		return new Outage() {

			@Override
			public WritableFeatureStore instance(Clock clock) {
				return TestRedis.store(server.uri(), RedisMultiInstanceTests.this.prefix, clock);
			}

			@Override
			public void begin() throws Exception {
				server.stop();
			}

			@Override
			public void changeMeanwhile(VersionedFeature current, FeatureDefinition next) throws Exception {
				AuditEntry entry = new AuditEntry(next.key(), AuditAction.UPDATE, "offline-operator", START,
						current.definition(), next, null);
				String prefix = RedisMultiInstanceTests.this.prefix;
				server.changeOffline("HSET", prefix + "features", next.key(),
						RedisDocuments.envelope(current.version() + 1, FeatureDocumentCodec.writeFeature(next), entry));
				server.changeOffline("INCR", prefix + "revision");
			}

			@Override
			public void end() throws Exception {
				server.start();
			}

			@Override
			public void close() {
				server.close();
			}

		};
	}

}
