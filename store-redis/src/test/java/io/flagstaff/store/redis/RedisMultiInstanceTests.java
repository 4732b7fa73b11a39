package io.flagstaff.store.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.BackupFeatureStore;
import io.flagstaff.store.ConcurrentWriters;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.PropagationProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances, each with its own connections, sharing one Redis.
 */
class RedisMultiInstanceTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private String prefix;

	@BeforeEach
	void prefix() {
		this.prefix = TestRedis.uniquePrefix();
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private RedisFeatureStore store(String uri) {
		RedisFeatureStore store = TestRedis.store(uri, this.prefix, this.clock);
		this.resources.add(store);
		return store;
	}

	private Flagstaff instance(io.flagstaff.store.FeatureStore store, List<FlagstaffEvent> events) {
		Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build();
		this.resources.add(flagstaff);
		return flagstaff;
	}

	@Test
	void aWriteOnOneInstanceReachesTheOtherAndPropagationIsMeasured() throws Exception {
		TestRedis.require();
		this.resources.add(() -> TestRedis.deleteKeys(TestRedis.URI, this.prefix));
		RedisFeatureStore first = store(TestRedis.URI);
		RedisFeatureStore second = store(TestRedis.URI);
		first.create(FeatureDefinition.builder("flip").build(), "setup");
		Flagstaff one = instance(first, new CopyOnWriteArrayList<>());
		Flagstaff two = instance(second, new CopyOnWriteArrayList<>());
		first.disable("flip", "alice");
		await().atMost(Duration.ofSeconds(10)).until(() -> !two.isEnabled("flip"));
		assertThat(one.isEnabled("flip")).isFalse();
		second.enable("flip", "bob");
		await().atMost(Duration.ofSeconds(10)).until(() -> one.isEnabled("flip"));

		PropagationProbe.Delays delays = PropagationProbe.measure(first, two, "flip", 200);
		PropagationProbe.report("Redis pub/sub, loopback", delays);
	}

	@Test
	void twoInstancesUpdatingOneFlagConcurrentlyLoseNoUpdate() throws Exception {
		TestRedis.require();
		this.resources.add(() -> TestRedis.deleteKeys(TestRedis.URI, this.prefix));
		RedisFeatureStore first = store(TestRedis.URI);
		RedisFeatureStore second = store(TestRedis.URI);
		List<ConcurrentWriters.Success> successes = ConcurrentWriters.run(first, second, "contended", 1000);
		Flagstaff reader = instance(second, new CopyOnWriteArrayList<>());
		assertThat(reader.snapshot().definition("contended").description())
			.isEqualTo(successes.get(successes.size() - 1).description());
	}

	@Test
	void aMalformedDocumentWrittenIntoRedisIsRejectedAndTheSnapshotKept() throws Exception {
		TestRedis.require();
		this.resources.add(() -> TestRedis.deleteKeys(TestRedis.URI, this.prefix));
		RedisFeatureStore writer = store(TestRedis.URI);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		writer.create(FeatureDefinition.builder("b").enabled(false).build(), "setup");
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		Flagstaff reader = instance(store(TestRedis.URI), events);

		TestRedis.withCommands(TestRedis.URI, (redis) -> {
			redis.hset(this.prefix + "features", "a", "{\"version\": 2, \"document\": {\"enabled\": \"sometimes\"}}");
			redis.hset(this.prefix + "features", "b", "not json at all");
			long revision = redis.incr(this.prefix + "revision");
			return redis.publish(this.prefix + "changes", Long.toString(revision));
		});

		await().atMost(Duration.ofSeconds(10))
			.until(() -> events.stream().anyMatch(FlagstaffEvent.ReloadFailed.class::isInstance));
		Exception failure = events.stream()
			.filter(FlagstaffEvent.ReloadFailed.class::isInstance)
			.map((event) -> ((FlagstaffEvent.ReloadFailed) event).failure())
			.findFirst()
			.orElseThrow();
		assertThat(failure).isInstanceOf(FeatureConfigException.class)
			.hasMessageContaining("features.a")
			.hasMessageContaining("features.b")
			.hasMessageContaining(this.prefix);
		assertThat(reader.isEnabled("a")).isTrue();
		assertThat(reader.isEnabled("b")).isFalse();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(writer::load);
	}

	@Test
	void instancesServeTheLastGoodFlagsWhileRedisRestartsAndCatchUpOnChangesTheyMissed(@TempDir Path folder)
			throws Exception {
		RedisServerProcess.requireBinary();
		try (RedisServerProcess server = new RedisServerProcess(folder)) {
			server.start();
			Path backup = folder.resolve("backup.json");
			RedisFeatureStore first = store(server.uri());
			first.create(FeatureDefinition.builder("a").build(), "setup");
			List<FlagstaffEvent> oneEvents = new CopyOnWriteArrayList<>();
			List<FlagstaffEvent> twoEvents = new CopyOnWriteArrayList<>();
			Flagstaff one = instance(BackupFeatureStore.of(first, backup), oneEvents);
			Flagstaff two = instance(store(server.uri()), twoEvents);
			assertThat(backup).exists();
			long version = first.feature("a").version();

			server.stop();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> oneEvents.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance)
						&& twoEvents.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance));
			assertThat(one.isEnabled("a")).isTrue();
			assertThat(two.isEnabled("a")).isTrue();

			List<FlagstaffEvent> threeEvents = new CopyOnWriteArrayList<>();
			Flagstaff three = instance(BackupFeatureStore.of(store(server.uri()), backup), threeEvents);
			assertThat(three.isEnabled("a")).isTrue();

			FeatureDefinition off = FeatureDefinition.builder("a").enabled(false).build();
			AuditEntry entry = new AuditEntry("a", AuditAction.DISABLE, "offline-operator", this.clock.instant(), null,
					off, null);
			server.changeOffline("HSET", this.prefix + "features", "a",
					RedisDocuments.envelope(version + 1, FeatureDocumentCodec.writeFeature(off), entry));
			server.changeOffline("INCR", this.prefix + "revision");
			server.start();

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(List.of(one.isEnabled("a"), two.isEnabled("a"), three.isEnabled("a")))
					.as("flag a on instances one, two, three; events: one %s, two %s, three %s", oneEvents, twoEvents,
							threeEvents)
					.containsOnly(false));
			assertThat(oneEvents).anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
			assertThat(twoEvents).anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
			first.enable("a", "alice");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> one.isEnabled("a") && two.isEnabled("a") && three.isEnabled("a"));
		}
	}

}
