package io.flagstaff.config;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every reader, fed hostile variations of valid documents, reads or refuses them with a
 * {@link FeatureConfigException}; what it reads reads back the same and evaluates. A
 * failure names the seed: {@code Mutator.mutate(..., seed)} gives the document again. The
 * longer campaign with its figures is {@code FuzzCampaignTests}.
 */
class ReaderFuzzTests {

	@Property(tries = 100)
	void theNativeReaderReadsOrRefusesAnyYamlDocument(@ForAll long seed) {
		readsOrRefuses(Mutator.mutate(FuzzTargets.NATIVE_YAML, Mutator.NATIVE, seed), Reader.DOCUMENT);
	}

	@Property(tries = 100)
	void theNativeReaderReadsOrRefusesAnyJsonDocument(@ForAll long seed) {
		readsOrRefuses(Mutator.mutate(FuzzTargets.NATIVE_JSON, Mutator.NATIVE, seed), Reader.DOCUMENT);
	}

	@Property(tries = 100)
	void theLegacyReaderReadsOrRefusesAnyDocument(@ForAll long seed) {
		readsOrRefuses(Mutator.mutate(FuzzTargets.LEGACY, Mutator.LEGACY, seed), Reader.LEGACY);
	}

	@Property(tries = 100)
	void theRowReaderReadsOrRefusesAnyFlagOrSegmentRow(@ForAll long seed) {
		readsOrRefuses(Mutator.mutate(FuzzTargets.ROWS, Mutator.NATIVE, seed), Reader.ROW);
	}

	private static void readsOrRefuses(String document, Reader reader) {
		io.flagstaff.model.FeatureSet read;
		try {
			read = switch (reader) {
				case DOCUMENT -> FuzzTargets.parse(document);
				case LEGACY -> FuzzTargets.parse(document);
				case ROW -> FuzzTargets.parseRow(document);
			};
		}
		catch (FeatureConfigException ex) {
			return;
		}
		FuzzTargets.checkRead(read);
	}

	private enum Reader {

		DOCUMENT, LEGACY, ROW

	}

}
