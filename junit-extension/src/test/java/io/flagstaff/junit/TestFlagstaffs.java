package io.flagstaff.junit;

import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.StoreContent;

/**
 * Builds the {@code Flagstaff} instances the tests override: {@code new-checkout} is on
 * in the store, {@code one-click} and {@code dark-mode} are off, {@code checkout-layout}
 * is on with variants {@code control} and {@code one-page}.
 */
final class TestFlagstaffs {

	static final FeatureSet FLAGS = FeatureSet.of(FeatureDefinition.builder("new-checkout").build(),
			FeatureDefinition.builder("one-click").enabled(false).build(),
			FeatureDefinition.builder("dark-mode").enabled(false).build(),
			FeatureDefinition.builder("checkout-layout")
				.variants(List.of(new VariantDefinition("control", 50, null),
						new VariantDefinition("one-page", 50, null)))
				.build());

	private TestFlagstaffs() {
	}

	static Flagstaff create() {
		return Flagstaff.builder(new FixedStore(FLAGS)).build();
	}

	static boolean on(Flagstaff flagstaff, String key) {
		return flagstaff.isEnabled(key, FeatureContext.ofUser("u-1"));
	}

	static String variant(Flagstaff flagstaff, String key) {
		return String.valueOf(flagstaff.variant(key, FeatureContext.ofUser("u-1")));
	}

	/** A read-only store whose content never changes. */
	record FixedStore(FeatureSet features) implements FeatureStore {

		@Override
		public StoreContent load() {
			return new StoreContent(this.features, 1);
		}

	}

}
