package io.flagstaff.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The contract of a store that many application instances share: each test opens a fresh
 * backend ({@link #openBackend()}), makes several independent instances over it
 * ({@link #createInstance(Clock)}: own connections, each with its own {@link Flagstaff}),
 * and checks that a write through one reaches the others within
 * {@link #propagationBound()}, that concurrent writers through different instances lose
 * no update, that a malformed document written behind the stores' backs is rejected while
 * every instance keeps its last good snapshot, and, for stores that can stage one
 * ({@link #outage(Path)}), that instances cut off from the backend keep serving and catch
 * up afterwards. Stores that push changes ({@link #pushesChanges()}) also get their
 * propagation delay measured and printed.
 */
public abstract class MultiInstanceStoreContract {

	/** The time audit entries are stamped with. */
	protected static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	/** The clock handed to the instances. */
	protected final MutableClock clock = new MutableClock(START);

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	/**
	 * Prepares a fresh, empty backend for one test, isolated from every other test (its
	 * own table prefix, key prefix or server); aborts the test (or fails it under
	 * {@code CI=true}) when the service is missing.
	 * @return what removes the backend, called after every instance is closed
	 * @throws Exception when the backend cannot be prepared
	 */
	protected abstract AutoCloseable openBackend() throws Exception;

	/**
	 * Creates another instance of the store over this test's backend, with its own
	 * connections, as another application instance would. The contract closes it.
	 * @param clock the clock for audit entries
	 * @return the store
	 * @throws Exception when the store cannot be created
	 */
	protected abstract WritableFeatureStore createInstance(Clock clock) throws Exception;

	/**
	 * Writes straight into the backend, behind the stores' backs as a person or another
	 * tool would: for the existing flag {@code a} a document whose {@code enabled} is the
	 * string {@code "sometimes"}, for the existing flag {@code b} a document that is not
	 * JSON at all; then moves the revision and announces it as a write would (a
	 * notification, a message), so the instances reload.
	 * @return what the reload failure must name to point at the bad documents (a table, a
	 * key prefix)
	 * @throws Exception when the backend cannot be written
	 */
	protected abstract String writeMalformedDocuments() throws Exception;

	/**
	 * Returns whether the store pushes changes to the other instances (notifications,
	 * pub/sub) rather than only polling; only then is the propagation measured.
	 * @return whether it pushes (default {@code false})
	 */
	protected boolean pushesChanges() {
		return false;
	}

	/**
	 * Waits until an instance that is subscribed follows the changes others push (for
	 * example until its notification connection listens). The default does not wait.
	 * @param instance a subscribed instance
	 * @throws Exception when interrupted
	 */
	protected void awaitFollowing(WritableFeatureStore instance) throws Exception {
	}

	/**
	 * Returns how long a change may take to reach another instance in these tests (a
	 * deadline, not a measurement).
	 * @return the bound (default 10 s)
	 */
	protected Duration propagationBound() {
		return Duration.ofSeconds(10);
	}

	/**
	 * Returns how the propagation measurement is labelled in its {@code PROPAGATION}
	 * line.
	 * @return the label (default: the test class's simple name)
	 */
	protected String propagationLabel() {
		return getClass().getSimpleName();
	}

	/**
	 * Stages an outage of the backend, for the instances the outage creates. The default
	 * skips the outage test.
	 * @param folder a private folder for this test
	 * @return the outage, closed by the contract
	 * @throws Exception when it cannot be staged
	 */
	protected Outage outage(Path folder) throws Exception {
		Assumptions.abort(getClass().getSimpleName() + " stages no outage");
		throw new IllegalStateException("not reached");
	}

	/**
	 * An outage of the backend that some instances see: their connections fail while it
	 * lasts. Not thread-safe.
	 */
	public interface Outage extends AutoCloseable {

		/**
		 * Creates an instance that this outage cuts off; the contract closes it.
		 * @param clock the clock for audit entries
		 * @return the store
		 * @throws Exception when the store cannot be created
		 */
		WritableFeatureStore instance(Clock clock) throws Exception;

		/**
		 * Cuts the instances off the backend (a refused connection, a stopped server).
		 * @throws Exception when the outage cannot be staged
		 */
		void begin() throws Exception;

		/**
		 * Changes a flag in the backend while the instances are cut off, in a way none of
		 * them can be told about (another instance, a server started offline).
		 * @param current the flag as stored before the outage began
		 * @param next its new definition, stored at the next version
		 * @throws Exception when the backend cannot be changed
		 */
		void changeMeanwhile(VersionedFeature current, FeatureDefinition next) throws Exception;

		/**
		 * Ends the outage: the instances can reach the backend again.
		 * @throws Exception when the backend cannot be restored
		 */
		void end() throws Exception;

		/**
		 * Checks the failure of a write tried through a cut-off instance, beyond it
		 * naming the store. The default checks nothing more.
		 * @param failure the failure
		 */
		default void checkWriteFailure(FeatureStoreException failure) {
		}

	}

	@BeforeEach
	void openTheBackend() throws Exception {
		this.resources.add(openBackend());
	}

	@AfterEach
	void closeEverything() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private WritableFeatureStore instance() throws Exception {
		return closedAfterwards(createInstance(this.clock));
	}

	private <T extends AutoCloseable> T closedAfterwards(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private Flagstaff flagstaff(FeatureStore store, List<FlagstaffEvent> events) {
		return closedAfterwards(Flagstaff.builder(store).listener(events::add).build());
	}

	private Flagstaff flagstaff(FeatureStore store) {
		return flagstaff(store, new CopyOnWriteArrayList<>());
	}

	@Test
	void aWriteThroughOneInstanceReachesTheOtherAndEveryWriteIsAuditedInTheSharedBackend() throws Exception {
		WritableFeatureStore first = instance();
		WritableFeatureStore second = instance();
		first.create(FeatureDefinition.builder("flip").build(), "setup");
		Flagstaff one = flagstaff(first);
		Flagstaff two = flagstaff(second);
		assertThat(two.isEnabled("flip")).isTrue();
		first.disable("flip", "alice");
		assertThat(one.isEnabled("flip")).as("the writing instance has reloaded when the write returns").isFalse();
		await().atMost(propagationBound()).until(() -> !two.isEnabled("flip"));
		second.enable("flip", "bob");
		await().atMost(propagationBound()).until(() -> one.isEnabled("flip"));
		assertThat(first.audit("flip", 10)).extracting(AuditEntry::actor).containsExactly("bob", "alice", "setup");
		assertThat(second.audit(10)).isEqualTo(first.audit(10));
	}

	@Test
	void aFlipPushedFromOneInstanceToAnotherIsMeasured() throws Exception {
		Assumptions.assumeTrue(pushesChanges(), () -> propagationLabel() + " only polls: nothing pushed to measure");
		WritableFeatureStore first = instance();
		WritableFeatureStore second = instance();
		first.create(FeatureDefinition.builder("flip").build(), "setup");
		flagstaff(first);
		Flagstaff two = flagstaff(second);
		awaitFollowing(second);
		PropagationProbe.Delays delays = PropagationProbe.measure(first, two, "flip", 200);
		PropagationProbe.report(propagationLabel(), delays);
		assertThat(delays.total()).hasSize(200);
	}

	@Test
	void twoInstancesUpdatingOneFlagConcurrentlyLoseNoUpdate() throws Exception {
		WritableFeatureStore first = instance();
		WritableFeatureStore second = instance();
		List<ConcurrentWriters.Success> successes = ConcurrentWriters.run(first, second, "contended", 1000);
		Flagstaff reader = flagstaff(second);
		assertThat(reader.snapshot().definition("contended").description())
			.isEqualTo(successes.get(successes.size() - 1).description());
	}

	@Test
	void aMalformedDocumentWrittenBehindTheStoresBackIsRejectedAndTheLastGoodSnapshotKept() throws Exception {
		WritableFeatureStore writer = instance();
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		writer.create(FeatureDefinition.builder("b").enabled(false).build(), "setup");
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		Flagstaff reader = flagstaff(instance(), events);

		String location = writeMalformedDocuments();

		await().atMost(propagationBound())
			.until(() -> events.stream().anyMatch(FlagstaffEvent.ReloadFailed.class::isInstance));
		Exception failure = events.stream()
			.filter(FlagstaffEvent.ReloadFailed.class::isInstance)
			.map((event) -> ((FlagstaffEvent.ReloadFailed) event).failure())
			.findFirst()
			.orElseThrow();
		assertThat(failure).isInstanceOf(FeatureConfigException.class)
			.hasMessageContaining("features.a")
			.hasMessageContaining("features.b")
			.hasMessageContaining(location);
		assertThat(reader.isEnabled("a")).isTrue();
		assertThat(reader.isEnabled("b")).isFalse();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(writer::load);
	}

	@Test
	void instancesCutOffFromTheBackendServeTheLastGoodFlagsAndCatchUpOnChangesTheyMissed(@TempDir Path folder)
			throws Exception {
		Outage outage = closedAfterwards(outage(folder));
		Path backup = folder.resolve("backup.json");
		WritableFeatureStore first = closedAfterwards(outage.instance(this.clock));
		first.create(FeatureDefinition.builder("a").build(), "setup");
		List<FlagstaffEvent> oneEvents = new CopyOnWriteArrayList<>();
		List<FlagstaffEvent> twoEvents = new CopyOnWriteArrayList<>();
		Flagstaff one = flagstaff(BackupFeatureStore.of(first, backup), oneEvents);
		Flagstaff two = flagstaff(closedAfterwards(outage.instance(this.clock)), twoEvents);
		assertThat(backup).exists();
		VersionedFeature before = first.feature("a");

		outage.begin();
		await().atMost(propagationBound())
			.until(() -> oneEvents.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance)
					&& twoEvents.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance));
		assertThat(one.isEnabled("a")).isTrue();
		assertThat(two.isEnabled("a")).isTrue();
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> first.disable("a", "alice"))
			.withMessageContaining(first.toString())
			.satisfies(outage::checkWriteFailure);

		List<FlagstaffEvent> threeEvents = new CopyOnWriteArrayList<>();
		Flagstaff three = flagstaff(BackupFeatureStore.of(closedAfterwards(outage.instance(this.clock)), backup),
				threeEvents);
		assertThat(three.isEnabled("a")).as("an instance started during the outage serves the backup").isTrue();

		FeatureDefinition off = FeatureDefinition.builder("a").enabled(false).build();
		outage.changeMeanwhile(before, off);
		assertThat(List.of(one.isEnabled("a"), two.isEnabled("a"), three.isEnabled("a"))).containsOnly(true);
		assertThat(oneEvents).noneMatch(FlagstaffEvent.StoreUp.class::isInstance);
		assertThat(twoEvents).noneMatch(FlagstaffEvent.StoreUp.class::isInstance);
		outage.end();

		await().atMost(propagationBound().multipliedBy(2))
			.untilAsserted(() -> assertThat(List.of(one.isEnabled("a"), two.isEnabled("a"), three.isEnabled("a")))
				.as("flag a on instances one, two, three; events: one %s, two %s, three %s", oneEvents, twoEvents,
						threeEvents)
				.containsOnly(false));
		assertThat(oneEvents).anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
		assertThat(twoEvents).anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
		first.enable("a", "alice");
		await().atMost(propagationBound())
			.until(() -> one.isEnabled("a") && two.isEnabled("a") && three.isEnabled("a"));
	}

}
