package com.example.flags;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.MultiInstanceStoreContract;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.WritableFeatureStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * Runs both store contracts of flagstaff-core's test-jar against the key-value store.
 */
class KeyValueFeatureStoreTests {

	@Nested
	class OneInstance extends WritableFeatureStoreContract {

		private final KeyValueService service = new KeyValueService("kv");

		@Override
		protected WritableFeatureStore createStore(MutableClock clock) {
			return new KeyValueFeatureStore(this.service.connect(), clock);
		}

		@Override
		protected void storeUnchecked(FeatureDefinition feature) {
			this.service.connect()
				.commit(Map.of(), OptionalLong.empty(),
						Map.of("features/flag/" + feature.key(), FeatureDocumentCodec.writeFeature(feature)));
		}

	}

	@Nested
	class ManyInstances extends MultiInstanceStoreContract {

		private final KeyValueService service = new KeyValueService("kv");

		@Override
		protected AutoCloseable openBackend() {
			return () -> {
			};
		}

		@Override
		protected WritableFeatureStore createInstance(Clock clock) {
			return new KeyValueFeatureStore(this.service.connect(), clock);
		}

		@Override
		protected String writeMalformedDocuments() {
			this.service.connect()
				.commit(Map.of(), OptionalLong.empty(), Map.of("features/flag/a", "{\"enabled\": \"sometimes\"}",
						"features/flag/b", "not json at all"));
			return "key-value store over kv client";
		}

		@Override
		protected boolean pushesChanges() {
			return true;
		}

		@Override
		protected Outage outage(Path folder) {
			WritableFeatureStore writer = createInstance(this.clock);
			return new Outage() {

				private final List<KeyValueService.Client> clients = new ArrayList<>();

				private boolean down;

				@Override
				public WritableFeatureStore instance(Clock clock) {
					KeyValueService.Client client = ManyInstances.this.service.connect();
					this.clients.add(client);
					if (this.down) {
						client.cut();
					}
					return new KeyValueFeatureStore(client, clock);
				}

				@Override
				public void begin() {
					this.down = true;
					this.clients.forEach(KeyValueService.Client::cut);
				}

				@Override
				public void changeMeanwhile(VersionedFeature current, FeatureDefinition next) {
					writer.update(next, current.version(), "bob");
				}

				@Override
				public void end() {
					this.down = false;
					this.clients.forEach(KeyValueService.Client::restore);
				}

				@Override
				public void close() {
					writer.close();
				}

			};
		}

	}

}
