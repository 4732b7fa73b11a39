package io.flagstaff.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.StoreListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How an evaluator follows announced changes: it reads only the changed flags, recompiles
 * only them and the flags that require them, shares every other compiled flag with the
 * previous snapshot, merges announcements that arrive during a read, falls back to
 * reading everything on a gap, a change of segments, an unannounced change or a merged
 * set that does not compile, and refuses a store that went backwards.
 */
class IncrementalReloadTests {

	private static FeatureDefinition flag(String key, boolean enabled) {
		return FeatureDefinition.builder(key).enabled(enabled).build();
	}

	private static FeatureSet generated(int count) {
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			features.put("f" + i, flag("f" + i, true));
		}
		return new FeatureSet(Map.of(), features);
	}

	private static CompiledSnapshot compiled(Flagstaff flagstaff) {
		return (CompiledSnapshot) flagstaff.snapshot();
	}

	@Test
	void anAnnouncedChangeReadsAndRecompilesOnlyTheChangedFlag() {
		ScriptedStore store = new ScriptedStore(generated(100));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			CompiledSnapshot before = compiled(flagstaff);
			store.write(flag("f7", false));
			assertThat(flagstaff.isEnabled("f7")).isFalse();
			assertThat(store.partialReads).containsExactly(Set.of("f7"));
			assertThat(store.fullReads).as("the first load and the check after subscribing").isEqualTo(2);
			CompiledSnapshot after = compiled(flagstaff);
			assertThat(after.storeRevision()).isEqualTo(store.revision);
			assertThat(after.compiled().get("f7")).isNotSameAs(before.compiled().get("f7"));
			for (int i = 0; i < 100; i++) {
				if (i != 7) {
					assertThat(after.compiled().get("f" + i)).isSameAs(before.compiled().get("f" + i));
				}
			}
		}
	}

	@Test
	void theFlagsThatRequireAChangedFlagAreRecompiledToo() {
		FeatureDefinition child = FeatureDefinition.builder("child")
			.requires(List.of(Prerequisite.on("parent")))
			.build();
		FeatureDefinition grandchild = FeatureDefinition.builder("grandchild")
			.requires(List.of(Prerequisite.on("child")))
			.build();
		ScriptedStore store = new ScriptedStore(
				new FeatureSet(Map.of(), map(flag("parent", true), child, grandchild, flag("other", true))));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			CompiledSnapshot before = compiled(flagstaff);
			assertThat(flagstaff.isEnabled("grandchild")).isTrue();
			store.write(flag("parent", false));
			assertThat(flagstaff.isEnabled("grandchild")).as("follows its prerequisites' new state").isFalse();
			CompiledSnapshot after = compiled(flagstaff);
			assertThat(after.compiled().get("child")).isNotSameAs(before.compiled().get("child"));
			assertThat(after.compiled().get("grandchild")).isNotSameAs(before.compiled().get("grandchild"));
			assertThat(after.compiled().get("other")).isSameAs(before.compiled().get("other"));
		}
	}

	@Test
	void aGapInTheAnnouncedRevisionsReadsEverything() {
		ScriptedStore store = new ScriptedStore(generated(3));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.writeSilently(flag("f0", false));
			store.write(flag("f1", false));
			assertThat(store.partialReads).isEmpty();
			assertThat(store.fullReads).isEqualTo(3);
			assertThat(flagstaff.isEnabled("f0")).as("the missed change is read too").isFalse();
			assertThat(flagstaff.isEnabled("f1")).isFalse();
		}
	}

	@Test
	void aStoreThatReadsEverythingForAChangeIsComparedWholeAndKeepsItsRevision() {
		ScriptedStore store = new ScriptedStore(generated(3));
		store.readsEverything = true;
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.writeSilently(flag("f0", false));
			StoreChange first = StoreChange.ofFeatures(store.revision, Set.of("f0"));
			StoreChange second = store.writeSilently(flag("f1", false));
			store.announce(first);
			assertThat(flagstaff.isEnabled("f0")).isFalse();
			assertThat(flagstaff.isEnabled("f1")).as("read with f0's change, not announced yet").isFalse();
			assertThat(compiled(flagstaff).storeRevision()).isEqualTo(store.revision);
			store.announce(second);
			assertThat(flagstaff.isEnabled("f1")).isFalse();
			assertThat(store.fullReads).isEqualTo(3);
		}
	}

	@Test
	void anInstanceWhoseReadFailedCatchesUpWithoutWaitingForTheNextChange() {
		ScriptedStore store = new ScriptedStore(generated(3));
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			store.timeOutOnce = true;
			store.write(flag("f0", false));
			assertThat(flagstaff.isEnabled("f0")).isTrue();
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !flagstaff.isEnabled("f0"));
			assertThat(events).anyMatch(FlagstaffEvent.StoreDown.class::isInstance)
				.anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
		}
	}

	@Test
	void aChangeOfSegmentsReadsEverything() {
		ScriptedStore store = new ScriptedStore(generated(3));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.set = new FeatureSet(
					Map.of("eu", List.of(new Condition.Attribute("region", Operator.IN, List.of("DE"), false, false))),
					store.set.features());
			store.revision++;
			store.announce(StoreChange.ofSegments(store.revision));
			assertThat(store.fullReads).isEqualTo(3);
			assertThat(flagstaff.snapshot().featureSet().segments()).containsKey("eu");
		}
	}

	@Test
	void aStoreThatOnlySaysChangedIsReadWhole() {
		ScriptedStore store = new ScriptedStore(generated(3));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.writeSilently(flag("f2", false));
			store.listeners.forEach(StoreListener::changed);
			assertThat(store.fullReads).isEqualTo(3);
			assertThat(flagstaff.isEnabled("f2")).isFalse();
		}
	}

	@Test
	void aMergedSetThatDoesNotCompileIsReadWholeBeforeItIsRefused() {
		ScriptedStore store = new ScriptedStore(generated(2));
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			store.write(FeatureDefinition.builder("f0").requires(List.of(Prerequisite.on("nobody"))).build());
			assertThat(store.partialReads).hasSize(1);
			assertThat(store.fullReads).isEqualTo(3);
			assertThat(events).last().isInstanceOf(FlagstaffEvent.ReloadFailed.class);
			assertThat(flagstaff.isEnabled("f0")).isTrue();
		}
	}

	@Test
	void announcementsThatArriveDuringAReadAreMergedIntoOneRead() throws Exception {
		ScriptedStore store = new ScriptedStore(generated(10));
		ExecutorService writers = Executors.newFixedThreadPool(6);
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.blockNextPartialRead();
			writers.execute(() -> store.write(flag("f0", false)));
			assertThat(store.reading.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i <= 5; i++) {
				int index = i;
				writers.execute(() -> store.write(flag("f" + index, false)));
			}
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> store.announced.size() == 6);
			store.release.countDown();
			writers.shutdown();
			assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(store.partialReads).hasSize(2);
			assertThat(store.partialReads.get(1)).containsExactlyInAnyOrder("f1", "f2", "f3", "f4", "f5");
			for (int i = 0; i <= 5; i++) {
				assertThat(flagstaff.isEnabled("f" + i)).isFalse();
			}
		}
		finally {
			writers.shutdownNow();
		}
	}

	@Test
	void aStoreWhoseRevisionWentBackIsRefusedUntilItHoldsTheServedFlagsAgain() {
		ScriptedStore store = new ScriptedStore(generated(3));
		store.revision = 223;
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			FeatureSet served = store.set;
			store.set = FeatureSet.of(flag("f0", false));
			store.revision = 1;
			store.listeners.forEach(StoreListener::changed);
			assertThat(flagstaff.isEnabled("f0")).as("the last good flags keep serving").isTrue();
			assertThat(flagstaff.isEnabled("f2")).isTrue();
			assertThat(events).filteredOn(FlagstaffEvent.StoreDiverged.class::isInstance).singleElement();
			assertThat(flagstaff.divergence()).isNotNull().satisfies((divergence) -> {
				assertThat(divergence.servedRevision()).isEqualTo(223);
				assertThat(divergence.storeRevision()).isEqualTo(1);
				assertThat(divergence.reason()).contains("went back from 223 to 1");
			});
			store.write(flag("f1", false));
			assertThat(flagstaff.isEnabled("f1")).as("still diverged: later writes are refused too").isTrue();

			store.set = served;
			store.revision++;
			store.listeners.forEach(StoreListener::changed);
			assertThat(flagstaff.divergence()).as("restored").isNull();
			assertThat(compiled(flagstaff).storeRevision()).isEqualTo(store.revision);
			store.write(flag("f1", false));
			assertThat(flagstaff.isEnabled("f1")).isFalse();
		}
	}

	@Test
	void aStoreThatLostItsFlagsIsRefusedUntilAnOperatorAcceptsIt() {
		ScriptedStore store = new ScriptedStore(generated(3));
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			store.set = FeatureSet.EMPTY;
			store.revision++;
			store.listeners.forEach(StoreListener::changed);
			flagstaff.refresh();
			assertThat(flagstaff.isEnabled("f0")).isTrue();
			assertThat(flagstaff.divergence().reason()).contains("holds no flags where it held 3");
			assertThat(events).filteredOn(FlagstaffEvent.StoreDiverged.class::isInstance).hasSize(1);

			flagstaff.acceptStoreContent();
			assertThat(flagstaff.divergence()).isNull();
			assertThat(flagstaff.snapshot().featureKeys()).isEmpty();
		}
	}

	@Test
	void deletingEveryFlagThroughAnnouncedWritesIsNotADivergence() {
		ScriptedStore store = new ScriptedStore(generated(2));
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			store.delete("f0");
			store.delete("f1");
			assertThat(flagstaff.snapshot().featureKeys()).isEmpty();
			assertThat(flagstaff.divergence()).isNull();
		}
	}

	private static Map<String, FeatureDefinition> map(FeatureDefinition... features) {
		Map<String, FeatureDefinition> map = new LinkedHashMap<>();
		for (FeatureDefinition feature : features) {
			map.put(feature.key(), feature);
		}
		return map;
	}

	/**
	 * A store that counts its reads and announces writes as a shared store does: one
	 * revision per write, naming the flag.
	 */
	static final class ScriptedStore implements FeatureStore {

		volatile FeatureSet set;

		volatile long revision = 1;

		int fullReads;

		final List<Set<String>> partialReads = new CopyOnWriteArrayList<>();

		final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

		final List<StoreChange> announced = new CopyOnWriteArrayList<>();

		volatile CountDownLatch reading = new CountDownLatch(0);

		volatile CountDownLatch release = new CountDownLatch(0);

		/** Whether {@code load(held, change)} reads everything, as the SPI's default. */
		volatile boolean readsEverything;

		/** Whether the next {@code load(held, change)} times out. */
		volatile boolean timeOutOnce;

		ScriptedStore(FeatureSet set) {
			this.set = set;
		}

		void blockNextPartialRead() {
			this.reading = new CountDownLatch(1);
			this.release = new CountDownLatch(1);
		}

		synchronized StoreChange writeSilently(FeatureDefinition feature) {
			this.set = this.set.with(feature);
			this.revision++;
			return StoreChange.ofFeatures(this.revision, Set.of(feature.key()));
		}

		void write(FeatureDefinition feature) {
			announce(writeSilently(feature));
		}

		void delete(String key) {
			StoreChange change;
			synchronized (this) {
				this.set = this.set.without(key);
				this.revision++;
				change = StoreChange.ofFeatures(this.revision, Set.of(key));
			}
			announce(change);
		}

		void announce(StoreChange change) {
			this.announced.add(change);
			this.listeners.forEach((listener) -> listener.changed(change));
		}

		@Override
		public synchronized StoreContent load() {
			this.fullReads++;
			return new StoreContent(this.set, this.revision);
		}

		@Override
		public StoreContent load(StoreContent held, StoreChange change) {
			if (this.readsEverything) {
				return load();
			}
			if (this.timeOutOnce) {
				this.timeOutOnce = false;
				throw new io.flagstaff.store.FeatureStoreException("read timed out");
			}
			this.partialReads.add(change.features());
			this.reading.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			synchronized (this) {
				Map<String, FeatureDefinition> features = new LinkedHashMap<>(held.features().features());
				for (String key : change.features()) {
					FeatureDefinition now = this.set.features().get(key);
					if (now != null) {
						features.put(key, now);
					}
					else {
						features.remove(key);
					}
				}
				this.release = new CountDownLatch(0);
				return new StoreContent(new FeatureSet(held.features().segments(), features), change.toRevision());
			}
		}

		@Override
		public AutoCloseable subscribe(StoreListener listener) {
			this.listeners.add(listener);
			return () -> this.listeners.remove(listener);
		}

	}

}
