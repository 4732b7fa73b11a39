package io.flagstaff.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackupFeatureStoreTests {

	@TempDir
	Path folder;

	/**
	 * A shared store that can be switched off: the wrapper under test only sees load
	 * failures.
	 */
	static final class SwitchableStore extends AbstractWritableFeatureStore {

		final InMemoryFeatureStore content = new InMemoryFeatureStore();

		volatile boolean down;

		SwitchableStore() {
			super(java.time.Clock.systemUTC());
		}

		@Override
		public StoreContent load() {
			if (this.down) {
				throw new FeatureStoreException("shared store unreachable");
			}
			return this.content.load();
		}

		@Override
		public VersionedFeature feature(String key) {
			return this.content.feature(key);
		}

		@Override
		protected WriteOutcome compareAndSet(String key, long expectedVersion, FeatureDefinition next, AuditEntry entry,
				long expectedRevision) {
			if (next == null) {
				this.content.delete(key, entry.actor());
			}
			else if (expectedVersion == 0) {
				this.content.create(next, entry.actor());
			}
			else {
				this.content.update(next, expectedVersion, entry.actor());
			}
			return WriteOutcome.stored(this.content.revision());
		}

		@Override
		protected WriteOutcome writeSegment(String name, java.util.List<io.flagstaff.model.Condition> conditions,
				AuditEntry entry, long expectedRevision) {
			return WriteOutcome.stored(this.content.revision());
		}

		@Override
		public List<AuditEntry> audit(String key, int limit) {
			return this.content.audit(key, limit);
		}

		@Override
		public List<AuditEntry> audit(int limit) {
			return this.content.audit(limit);
		}

	}

	@Test
	void anInstanceStartsFromTheBackupWhileTheSharedStoreIsDown() {
		Path backup = this.folder.resolve("last-good.json");
		SwitchableStore shared = new SwitchableStore();
		shared.content.create(FeatureDefinition.builder("new-checkout").build(), "alice");
		shared.content.create(FeatureDefinition.builder("legacy").enabled(false).build(), "alice");
		try (Flagstaff first = Flagstaff.builder(BackupFeatureStore.of(shared, backup)).build()) {
			assertThat(first.isEnabled("new-checkout")).isTrue();
		}
		assertThat(backup).exists();

		shared.down = true;
		try (Flagstaff second = Flagstaff.builder(BackupFeatureStore.of(shared, backup)).build()) {
			assertThat(second.isEnabled("new-checkout")).isTrue();
			assertThat(second.isEnabled("legacy")).isFalse();
			assertThat(second.snapshot().featureKeys()).containsExactly("new-checkout", "legacy");
		}
	}

	@Test
	void afterASuccessfulLoadFailuresArePassedOnAndTheLastGoodSnapshotServes() {
		Path backup = this.folder.resolve("last-good.json");
		SwitchableStore shared = new SwitchableStore();
		shared.content.create(FeatureDefinition.builder("a").build(), "alice");
		BackupFeatureStore store = BackupFeatureStore.of(shared, backup);
		List<FlagstaffEvent> events = new ArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			shared.down = true;
			assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(flagstaff::refresh);
			assertThat(flagstaff.isEnabled("a")).isTrue();
			assertThat(events).anyMatch(FlagstaffEvent.StoreDown.class::isInstance);
			shared.down = false;
			shared.content.disable("a", "bob");
			flagstaff.refresh();
			assertThat(flagstaff.isEnabled("a")).isFalse();
		}
	}

	@Test
	void withoutABackupFileAnUnreachableStoreStillFails() {
		SwitchableStore shared = new SwitchableStore();
		shared.down = true;
		BackupFeatureStore store = BackupFeatureStore.of(shared, this.folder.resolve("none.json"));
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(store::load)
			.withMessageContaining("unreachable");
	}

	@Test
	void theBackupIsANativeDocumentRewrittenWhenTheRevisionMoves() throws Exception {
		Path backup = this.folder.resolve("last-good.json");
		SwitchableStore shared = new SwitchableStore();
		shared.content.create(FeatureDefinition.builder("a").build(), "alice");
		BackupFeatureStore store = BackupFeatureStore.of(shared, backup);
		store.load();
		String first = Files.readString(backup);
		store.create(FeatureDefinition.builder("b").build(), "bob");
		store.load();
		FeatureSet saved = FileFeatureStore.of(backup).load().features();
		assertThat(saved.features()).containsOnlyKeys("a", "b");
		assertThat(first).contains("\"a\"").doesNotContain("\"b\"");
	}

}
