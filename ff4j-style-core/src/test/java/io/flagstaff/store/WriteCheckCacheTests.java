package io.flagstaff.store;

import java.time.Clock;
import java.util.List;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.Prerequisite;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The content a write is checked against is read once and kept current by the store's own
 * writes; a write elsewhere moves the revision, and the next write reads it again.
 */
class WriteCheckCacheTests {

	@Test
	void consecutiveWritesThroughOneStoreReadTheContentToCheckOnce() {
		CountingStore store = new CountingStore();
		store.create(FeatureDefinition.builder("a").build(), "alice");
		store.create(FeatureDefinition.builder("b").requires(List.of(Prerequisite.on("a"))).build(), "alice");
		store.disable("a", "alice");
		store.enable("a", "alice");
		store.setRollout("b", 50.0, "alice");
		assertThat(store.checks).isEqualTo(1);
		assertThat(store.load().features().features().get("b").rollout()).isEqualTo(50.0);
	}

	@Test
	void aWriteElsewhereIsFoundByTheCompareAndSetAndTheContentReadAgain() {
		CountingStore store = new CountingStore();
		store.create(FeatureDefinition.builder("a").build(), "alice");
		store.inner.put(FeatureDefinition.builder("elsewhere").build());
		store.create(FeatureDefinition.builder("b").requires(List.of(Prerequisite.on("elsewhere"))).build(), "alice");
		assertThat(store.checks).isEqualTo(2);
		assertThat(store.load().features().features()).containsOnlyKeys("a", "elsewhere", "b");
	}

	@Test
	void aWriteTheKeptContentRejectsIsCheckedOnFreshContentBeforeItIsRefused() {
		CountingStore store = new CountingStore();
		store.create(FeatureDefinition.builder("a").build(), "alice");
		store.create(FeatureDefinition.builder("b").requires(List.of(Prerequisite.on("a"))).build(), "alice");
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> store.delete("a", "alice"))
			.withMessageContaining("features.b.requires[0].feature: unknown flag 'a'");
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> store
				.update(FeatureDefinition.builder("a").requires(List.of(Prerequisite.on("b"))).build(), 1, "alice"))
			.withMessageContaining("prerequisite cycle");
		assertThat(store.checks).as("once, then once per refused write").isEqualTo(3);
		assertThat(store.load().features().features()).containsOnlyKeys("a", "b");
	}

	/**
	 * A store over an in-memory one that counts how often the content to check is read.
	 */
	static final class CountingStore extends AbstractWritableFeatureStore {

		final InMemoryFeatureStore inner = new InMemoryFeatureStore();

		int checks;

		CountingStore() {
			super(Clock.systemUTC());
		}

		@Override
		public StoreContent load() {
			return this.inner.load();
		}

		@Override
		protected StoreContent contentToCheck() {
			this.checks++;
			return this.inner.load();
		}

		@Override
		public @Nullable VersionedFeature feature(String key) {
			return this.inner.feature(key);
		}

		@Override
		protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
				AuditEntry entry, long expectedRevision) {
			return this.inner.compareAndSet(key, expectedVersion, next, entry, expectedRevision);
		}

		@Override
		protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
				long expectedRevision) {
			return this.inner.writeSegment(name, conditions, entry, expectedRevision);
		}

		@Override
		public List<AuditEntry> audit(String key, int limit) {
			return this.inner.audit(key, limit);
		}

		@Override
		public List<AuditEntry> audit(int limit) {
			return this.inner.audit(limit);
		}

	}

}
