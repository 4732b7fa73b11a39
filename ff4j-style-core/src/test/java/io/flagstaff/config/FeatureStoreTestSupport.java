package io.flagstaff.config;

import io.flagstaff.store.StoreContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared assertions on loaded documents.
 */
final class FeatureStoreTestSupport {

	private FeatureStoreTestSupport() {
	}

	static void assertFullExample(StoreContent content) {
		assertThat(content.features())
			.isEqualTo(FeatureDocuments.parse(Documents.read("full-example.yml"), "full-example.yml"));
		assertThat(content.features().features()).containsKeys("new-checkout", "payments-v2");
	}

}
