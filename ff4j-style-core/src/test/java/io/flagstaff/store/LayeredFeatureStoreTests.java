package io.flagstaff.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LayeredFeatureStoreTests {

	private static FeatureDefinition flag(String key, String description) {
		return FeatureDefinition.builder(key).description(description).build();
	}

	@Test
	void higherLayersWinKeyByKey() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("a", "defaults"), flag("b", "defaults"),
				flag("c", "defaults"), flag("d", "defaults"));
		InMemoryFeatureStore shared = InMemoryFeatureStore.of(flag("b", "shared"), flag("c", "shared"),
				flag("d", "shared"));
		InMemoryFeatureStore overrides = InMemoryFeatureStore.of(flag("d", "overrides"));
		LayeredFeatureStore store = LayeredFeatureStore.builder()
			.defaults(defaults)
			.shared(shared)
			.environment(EnvironmentOverrides.of(Map.of("FLAGSTAFF_C", "off", "FLAGSTAFF_D", "off")))
			.overrides(overrides)
			.build();
		Map<String, FeatureDefinition> features = store.load().features().features();
		assertThat(features.get("a").description()).isEqualTo("defaults");
		assertThat(features.get("b").description()).isEqualTo("shared");
		assertThat(features.get("c").description()).isEqualTo("shared");
		assertThat(features.get("c").enabled()).isFalse();
		assertThat(features.get("d").description()).isEqualTo("overrides");
		assertThat(features.get("d").enabled()).isTrue();
	}

	@Test
	void segmentsMergeLikeFlags() {
		List<Condition> de = List.of(new Condition.Attribute("region", Operator.IN, List.of("DE"), false, false));
		List<Condition> ro = List.of(new Condition.Attribute("region", Operator.IN, List.of("RO"), false, false));
		InMemoryFeatureStore defaults = new InMemoryFeatureStore(new FeatureSet(Map.of("eu", de), Map.of()));
		InMemoryFeatureStore shared = new InMemoryFeatureStore(new FeatureSet(Map.of("eu", ro), Map.of()));
		LayeredFeatureStore store = LayeredFeatureStore.builder().defaults(defaults).shared(shared).build();
		assertThat(store.load().features().segments()).containsEntry("eu", ro);
	}

	@Test
	void writesGoToTheSharedStoreAndReachTheEvaluator() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("a", "defaults"));
		InMemoryFeatureStore shared = new InMemoryFeatureStore();
		LayeredFeatureStore store = LayeredFeatureStore.builder().defaults(defaults).shared(shared).build();
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			assertThat(flagstaff.isEnabled("a")).isTrue();
			store.create(flag("a", "shared").toBuilder().enabled(false).build(), "alice");
			assertThat(shared.feature("a").version()).isEqualTo(1);
			assertThat(defaults.feature("a").definition().description()).isEqualTo("defaults");
			assertThat(flagstaff.isEnabled("a")).isFalse();
			assertThat(store.audit("a", 5)).hasSize(1);
		}
	}

	@Test
	void withoutAWritableLayerWritesExplainWhatToDo() {
		FeatureStore readOnly = () -> new StoreContent(FeatureSet.EMPTY, 1);
		LayeredFeatureStore store = LayeredFeatureStore.builder().defaults(readOnly).build();
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> store.create(flag("a", "x"), "alice"))
			.withMessageContaining("writeTo");
	}

	@Test
	void aFailingLayerFailsTheWholeLoadSoTheLastGoodSnapshotKeepsServing() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("a", "defaults"));
		FeatureStore down = () -> {
			throw new FeatureStoreException("database unreachable");
		};
		LayeredFeatureStore store = LayeredFeatureStore.builder().defaults(defaults).shared(down).build();
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(store::load)
			.withMessageContaining("unreachable");
	}

	@Test
	void writesAreCheckedOnTheLayeredViewNotOnTheWritableLayerAlone() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("new-ui", "defaults"));
		InMemoryFeatureStore shared = new InMemoryFeatureStore();
		LayeredFeatureStore store = LayeredFeatureStore.builder()
			.defaults(defaults)
			.shared(BackupFeatureStore.of(shared, Path.of("build", "never-written.json")))
			.build();
		FeatureDefinition checkout = flag("checkout", "shared").toBuilder()
			.requires(List.of(Prerequisite.on("new-ui")))
			.build();
		store.create(checkout, "alice");
		assertThat(shared.feature("checkout").definition()).isEqualTo(checkout);
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> store.create(
					flag("other", "shared").toBuilder().requires(List.of(Prerequisite.on("old-ui"))).build(), "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.other.requires[0].feature"));
		assertThat(shared.feature("other")).isNull();
		assertThat(shared.audit(10)).hasSize(1);
	}

	@Test
	void aWriteToAnotherLayerThatBreaksTheViewIsRejected() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("new-ui", "defaults"));
		InMemoryFeatureStore shared = InMemoryFeatureStore
			.of(flag("checkout", "shared").toBuilder().requires(List.of(Prerequisite.on("new-ui"))).build());
		LayeredFeatureStore store = LayeredFeatureStore.builder()
			.defaults(defaults)
			.shared(shared)
			.writeTo(defaults)
			.build();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> store.delete("new-ui", "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.checkout.requires[0].feature"));
		assertThat(defaults.feature("new-ui")).isNotNull();
	}

	@Test
	void aFlagTheTestOverridesRedefineDoesNotHideABadWriteBelowThem() {
		InMemoryFeatureStore shared = InMemoryFeatureStore.of(flag("new-ui", "shared"),
				flag("checkout", "shared").toBuilder().requires(List.of(Prerequisite.on("new-ui"))).build());
		// the overrides force checkout on without its prerequisite, so the combined view
		// alone would not miss new-ui
		InMemoryFeatureStore overrides = InMemoryFeatureStore.of(flag("checkout", "overrides"));
		LayeredFeatureStore store = LayeredFeatureStore.builder().shared(shared).overrides(overrides).build();
		assertThat(store.load().features().features().get("checkout").requires()).isEmpty();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> store.delete("new-ui", "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.checkout.requires[0].feature"));
		assertThat(shared.feature("new-ui")).isNotNull();
		store.create(flag("other", "shared"), "alice");
		assertThat(shared.feature("other")).as("a sound write still goes through").isNotNull();
	}

	@Test
	void aFlagAnEnvironmentOverrideForcesOnDoesNotHideABadWriteBelowIt() {
		InMemoryFeatureStore shared = InMemoryFeatureStore.of(flag("new-ui", "shared"),
				flag("checkout", "shared").toBuilder().requires(List.of(Prerequisite.on("new-ui"))).build());
		// forcing checkout on drops its prerequisite from the combined view
		LayeredFeatureStore store = LayeredFeatureStore.builder()
			.shared(shared)
			.environment(EnvironmentOverrides.of(Map.of("FLAGSTAFF_CHECKOUT", "on")))
			.build();
		assertThat(store.load().features().features().get("checkout").requires()).isEmpty();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> store.delete("new-ui", "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.checkout.requires[0].feature"));
		assertThat(shared.feature("new-ui")).isNotNull();
	}

	@Test
	void writesToTheOverridesLayerAreCheckedOnTheCombinedViewOnly() {
		InMemoryFeatureStore shared = InMemoryFeatureStore.of(flag("new-ui", "shared"));
		InMemoryFeatureStore overrides = new InMemoryFeatureStore();
		LayeredFeatureStore store = LayeredFeatureStore.builder()
			.shared(shared)
			.overrides(overrides)
			.writeTo(overrides)
			.build();
		store.create(flag("checkout", "overrides").toBuilder().requires(List.of(Prerequisite.on("new-ui"))).build(),
				"alice");
		assertThat(overrides.feature("checkout")).isNotNull();
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> store.create(
					flag("broken", "overrides").toBuilder().requires(List.of(Prerequisite.on("missing"))).build(),
					"alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.broken.requires[0].feature"));
	}

	@Test
	void aWriteToAnUnrelatedStoreFromAListenerIsCheckedOnThatStoresOwnContent() {
		InMemoryFeatureStore defaults = InMemoryFeatureStore.of(flag("new-ui", "defaults"));
		InMemoryFeatureStore shared = new InMemoryFeatureStore();
		InMemoryFeatureStore unrelated = new InMemoryFeatureStore();
		LayeredFeatureStore store = LayeredFeatureStore.builder().defaults(defaults).shared(shared).build();
		List<FeatureConfigException> refused = new ArrayList<>();
		shared.subscribe(() -> {
			try {
				// new-ui exists in the layered view, not in the unrelated store
				unrelated.create(
						flag("orphan", "listener").toBuilder().requires(List.of(Prerequisite.on("new-ui"))).build(),
						"listener");
			}
			catch (FeatureConfigException ex) {
				refused.add(ex);
			}
		});
		store.create(flag("checkout", "shared"), "alice");
		assertThat(shared.feature("checkout")).isNotNull();
		assertThat(refused).singleElement()
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.orphan.requires[0].feature"));
		assertThat(unrelated.feature("orphan")).isNull();
	}

}
