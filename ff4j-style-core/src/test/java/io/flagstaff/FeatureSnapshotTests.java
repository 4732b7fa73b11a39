package io.flagstaff;

import java.util.List;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureSnapshotTests {

	@Test
	void theClosestKeysAndVariantsAreNamedClosestFirst() {
		FeatureDefinition layout = FeatureDefinition.builder("checkout-layout")
			.variants(List.of(new VariantDefinition("control", 50, null), new VariantDefinition("one-page", 50, null)))
			.build();
		try (Flagstaff flagstaff = Flagstaff
			.builder(InMemoryFeatureStore.of(FeatureDefinition.builder("new-checkout").build(), layout,
					FeatureDefinition.builder("dark-mode").build()))
			.build()) {
			FeatureSnapshot snapshot = flagstaff.snapshot();
			assertThat(snapshot.closestKeys("new-chekout", 2)).containsExactly("new-checkout", "dark-mode");
			assertThat(snapshot.closestKeys("DARK-MODE", 1)).containsExactly("dark-mode");
			assertThat(snapshot.closestVariants("checkout-layout", "one-pag", 3)).containsExactly("one-page",
					"control");
			assertThat(snapshot.closestVariants("new-checkout", "one-pag", 3)).isEmpty();
			assertThat(snapshot.closestVariants("missing", "one-pag", 3)).isEmpty();
		}
	}

}
