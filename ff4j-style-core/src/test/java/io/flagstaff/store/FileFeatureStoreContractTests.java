package io.flagstaff.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class FileFeatureStoreContractTests {

	@TempDir
	Path folder;

	/**
	 * Adds a flag to the file by hand, as an editor would, without any check.
	 */
	void editByHand(String name, Syntax syntax, FeatureDefinition feature) throws IOException {
		Path file = this.folder.resolve(name);
		FeatureSet current = Files.exists(file)
				? FeatureDocuments.parseStructure(Files.readString(file), file.toString()) : FeatureSet.EMPTY;
		Files.writeString(file, FeatureDocuments.write(current.with(feature), syntax));
	}

	@Nested
	class Json extends WritableFeatureStoreContract {

		@Override
		protected void storeUnchecked(FeatureDefinition feature) throws IOException {
			editByHand("features.json", Syntax.JSON, feature);
		}

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
		protected void storeUnchecked(FeatureDefinition feature) throws IOException {
			editByHand("features.yml", Syntax.YAML, feature);
		}

		@Override
		protected WritableFeatureStore createStore(MutableClock clock) {
			return FileFeatureStore.builder(FileFeatureStoreContractTests.this.folder.resolve("features.yml"))
				.clock(clock)
				.build();
		}

	}

}
