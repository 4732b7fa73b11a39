package io.flagstaff.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class FileFeatureStoreContractTests {

	@TempDir
	Path folder;

	@Nested
	class Json extends WritableFeatureStoreContract {

		@Override
		protected WritableFeatureStore createStore(MutableClock clock) {
			return FileFeatureStore.builder(FileFeatureStoreContractTests.this.folder.resolve("features.json"))
				.clock(clock)
				.build();
		}

	}

	@Nested
	class Yaml extends WritableFeatureStoreContract {

		@Override
		protected WritableFeatureStore createStore(MutableClock clock) {
			return FileFeatureStore.builder(FileFeatureStoreContractTests.this.folder.resolve("features.yml"))
				.clock(clock)
				.build();
		}

	}

}
