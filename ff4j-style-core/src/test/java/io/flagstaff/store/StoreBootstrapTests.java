package io.flagstaff.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.Limits;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link StoreBootstrap} on the in-memory store: the shared contract (every instance is
 * the one store, bootstrapped from many threads at once), the order of writes, and a
 * store that refuses a flag of the document.
 */
class StoreBootstrapTests {

	@Nested
	class InMemory extends StoreBootstrapContract {

		private final InMemoryFeatureStore store = new InMemoryFeatureStore();

		@Override
		protected AutoCloseable openBackend() {
			return () -> {
			};
		}

		@Override
		protected WritableFeatureStore createInstance(Clock clock) {
			return this.store;
		}

	}

	@Test
	void theLongestAllowedPrerequisiteChainIsWrittenDependenciesFirst() {
		int length = Limits.MAX_PREREQUISITE_DEPTH + 1;
		InMemoryFeatureStore store = new InMemoryFeatureStore();

		StoreBootstrap.Result result = StoreBootstrap.run(store, chain(length), StoreBootstrap.Mode.MISSING);

		List<String> expected = new ArrayList<>();
		for (int i = length - 1; i >= 0; i--) {
			expected.add("f" + i);
		}
		assertThat(result.createdFeatures()).containsExactlyElementsOf(expected);
		assertThat(store.load().features().features()).hasSize(length);
	}

	@Test
	void dependenciesFirstWalksAVeryLongChainWithoutRecursion() {
		Map<String, List<String>> items = new LinkedHashMap<>();
		int length = 100_000;
		for (int i = 0; i < length; i++) {
			items.put("f" + i, (i + 1 < length) ? List.of("f" + (i + 1)) : List.of());
		}
		List<String> ordered = StoreBootstrap.dependenciesFirst(items, (dependencies) -> dependencies);
		assertThat(ordered).hasSize(length).startsWith("f" + (length - 1)).endsWith("f0");
	}

	private static FeatureSet chain(int length) {
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		for (int i = 0; i < length; i++) {
			FeatureDefinition.Builder feature = FeatureDefinition.builder("f" + i);
			if (i + 1 < length) {
				feature.requires(List.of(Prerequisite.on("f" + (i + 1))));
			}
			features.put("f" + i, feature.build());
		}
		return new FeatureSet(Map.of(), features);
	}

	@Test
	void dependenciesFirstKeepsMapOrderOtherwiseAndIgnoresNamesOutsideTheMap() {
		Map<String, List<String>> items = new LinkedHashMap<>();
		items.put("c", List.of("a", "elsewhere"));
		items.put("b", List.of());
		items.put("a", List.of("b"));
		assertThat(StoreBootstrap.dependenciesFirst(items, (dependencies) -> dependencies)).containsExactly("b", "a",
				"c");
	}

	@Test
	void aFlagTheStoreRefusesFailsNamingItAndKeepsWhatWasCreated() {
		InMemoryFeatureStore store = new InMemoryFeatureStore();
		store.create(FeatureDefinition.builder("pricing").build(), "alice");
		FeatureSet document = FeatureSet.of(FeatureDefinition.builder("banner").build(),
				FeatureDefinition.builder("discount-banner")
					.requires(List.of(new Prerequisite("pricing", true, List.of("discount"))))
					.build());

		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> StoreBootstrap.run(store, document, StoreBootstrap.Mode.MISSING))
			.withMessageContaining("discount-banner")
			.withMessageContaining(StoreBootstrap.ACTOR);
		assertThat(store.load().features().features()).containsOnlyKeys("pricing", "banner");
	}

	@Test
	void theResultSaysWhatWasDoneInOneSentence() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("a").build());
		FeatureSet document = FeatureSet.of(FeatureDefinition.builder("a").build(),
				FeatureDefinition.builder("b").build());
		assertThat(StoreBootstrap.run(store, document, StoreBootstrap.Mode.MISSING)).hasToString(
				"created 1 flag(s) [b] and 0 segment(s) []; 1 flag(s) were already stored and left as " + "they are");
		assertThat(StoreBootstrap.run(store, document, StoreBootstrap.Mode.IF_EMPTY))
			.hasToString("mode if-empty: the store holds 2 flag(s), nothing written");
		assertThat(StoreBootstrap.run(store, document, StoreBootstrap.Mode.NONE))
			.hasToString("mode none: nothing written");
	}

}
