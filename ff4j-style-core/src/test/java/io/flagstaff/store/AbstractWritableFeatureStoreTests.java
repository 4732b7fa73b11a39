package io.flagstaff.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * What {@link AbstractWritableFeatureStore} does with the answers of its write
 * primitives, and how it delivers outage news; the contract suites check the stores.
 */
class AbstractWritableFeatureStoreTests {

	@Test
	void aWriteWhoseRevisionKeepsMovingGivesUpAfterOneHundredAttempts() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.revisionMoved());
		store.content.create(FeatureDefinition.builder("a").build(), "setup");
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> store.enable("a", "alice"))
			.withMessageContaining("Gave up enable of flag 'a' by alice")
			.withMessageContaining("after 100 attempts")
			.withMessageContaining("retry later");
		assertThat(store.writes).hasValue(100);
	}

	@Test
	void movingRevisionsAndVersionsShareOneBudgetOfOneHundredAttempts() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.revisionMoved(), WriteOutcome.versionMoved(3));
		store.content.create(FeatureDefinition.builder("a").build(), "setup");
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> store.delete("a", "alice"));
		assertThat(store.writes).hasValue(100);
	}

	@Test
	void aWriteThatNamesNoVersionReadsAgainWhileTheVersionMovesAndGivesUpAfterOneHundredAttempts() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.versionMoved(7));
		store.content.create(FeatureDefinition.builder("a").build(), "setup");
		assertThatExceptionOfType(FeatureConflictException.class).isThrownBy(() -> store.setRollout("a", 5.0, "alice"))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(7));
		assertThat(store.writes).hasValue(100);
	}

	@Test
	void anUpdateWhoseVersionMovedIsAConflictAtOnce() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.versionMoved(2));
		store.content.create(FeatureDefinition.builder("a").build(), "setup");
		assertThatExceptionOfType(FeatureConflictException.class)
			.isThrownBy(() -> store.update(FeatureDefinition.builder("a").description("x").build(), 1, "alice"))
			.satisfies((ex) -> {
				assertThat(ex.getExpectedVersion()).isEqualTo(1);
				assertThat(ex.getActualVersion()).isEqualTo(2);
			});
		assertThat(store.writes).hasValue(1);
	}

	@Test
	void aStoredWriteIsAnnouncedOnceBeforeItReturnsAndAnOlderRevisionIsNot() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.stored(5));
		AtomicInteger changes = new AtomicInteger();
		store.subscribe(changes::incrementAndGet);
		assertThat(store.create(FeatureDefinition.builder("a").build(), "alice").version()).isEqualTo(1);
		assertThat(changes).hasValue(1);
		store.announce(4);
		store.announce(5);
		assertThat(changes).hasValue(1);
		store.announce(6);
		assertThat(changes).hasValue(2);
	}

	@Test
	void aSegmentWriteAnsweredWithAVersionIsAStoreBug() {
		ScriptedStore store = new ScriptedStore(WriteOutcome.versionMoved(1));
		assertThatIllegalStateException().isThrownBy(() -> store.putSegment("eu", List.of(), "alice"))
			.withMessageContaining("segments have no version");
	}

	@Test
	void outageNewsKeepsItsOrderAndNoReporterWaitsForASlowListener() throws Exception {
		ScriptedStore store = new ScriptedStore(WriteOutcome.revisionMoved());
		List<String> heard = new CopyOnWriteArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		store.subscribe(new StoreListener() {

			@Override
			public void changed() {
				heard.add("changed");
			}

			@Override
			public void failed(Exception failure) {
				heard.add("failed " + failure.getMessage());
			}

			@Override
			public void recovered() {
				heard.add("recovered");
				waitFor(release);
			}

		});
		store.fail("first");
		CompletableFuture<Void> recovering = CompletableFuture.runAsync(store::recover);
		await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("recovered"));
		// the recovery is being delivered and its listener blocks: another outage is
		// reported without waiting for it, and heard after it
		CompletableFuture.runAsync(() -> store.fail("second")).get(10, TimeUnit.SECONDS);
		assertThat(heard).containsExactly("failed first", "recovered");
		release.countDown();
		recovering.get(10, TimeUnit.SECONDS);
		assertThat(heard).containsExactly("failed first", "recovered", "failed second");
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(1, TimeUnit.MINUTES)) {
				throw new IllegalStateException("the test never released the listener");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads from an in-memory store and answers the writes as scripted, storing nothing.
	 */
	static final class ScriptedStore extends AbstractWritableFeatureStore {

		final InMemoryFeatureStore content = new InMemoryFeatureStore();

		final AtomicInteger writes = new AtomicInteger();

		private final List<WriteOutcome> answers;

		/**
		 * Answers the writes with these outcomes in turn, starting again after the last.
		 */
		ScriptedStore(WriteOutcome... answers) {
			super(Clock.systemUTC());
			this.answers = List.of(answers);
		}

		private WriteOutcome answer() {
			return this.answers.get((this.writes.getAndIncrement()) % this.answers.size());
		}

		@Override
		public StoreContent load() {
			return this.content.load();
		}

		@Override
		public @Nullable VersionedFeature feature(String key) {
			return this.content.feature(key);
		}

		@Override
		protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
				AuditEntry entry, long expectedRevision) {
			return answer();
		}

		@Override
		protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
				long expectedRevision) {
			return answer();
		}

		@Override
		public List<AuditEntry> audit(String key, int limit) {
			return List.of();
		}

		@Override
		public List<AuditEntry> audit(int limit) {
			return List.of();
		}

		void announce(long revision) {
			revisionAnnounced(revision);
		}

		void fail(String message) {
			fireFailed(new FeatureStoreException(message));
		}

		void recover() {
			fireRecovered();
		}

	}

}
