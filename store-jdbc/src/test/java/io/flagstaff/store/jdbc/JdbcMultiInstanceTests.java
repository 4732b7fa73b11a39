package io.flagstaff.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.ConcurrentWriters;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.PropagationProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances, each with its own connection pool, sharing one database.
 */
class JdbcMultiInstanceTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private final String prefix = TestDatabase.uniquePrefix();

	@AfterEach
	void cleanUp() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private HikariDataSource dataSource(TestDatabase database) {
		database.require();
		HikariDataSource dataSource = database.dataSource(this.prefix);
		this.resources.add(dataSource);
		return dataSource;
	}

	private JdbcFeatureStore store(TestDatabase database, HikariDataSource dataSource, Duration pollInterval) {
		JdbcFeatureStore store = database.store(dataSource, this.prefix, this.clock).pollInterval(pollInterval).build();
		this.resources.add(store);
		return store;
	}

	private Flagstaff instance(JdbcFeatureStore store, List<FlagstaffEvent> events) {
		Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build();
		this.resources.add(flagstaff);
		return flagstaff;
	}

	private HikariDataSource withCleanUp(TestDatabase database) {
		HikariDataSource admin = dataSource(database);
		this.resources.add(() -> TestDatabase.dropTables(admin, this.prefix));
		return admin;
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aWriteOnOneInstanceReachesTheOther(TestDatabase database) {
		withCleanUp(database);
		JdbcFeatureStore first = store(database, dataSource(database), Duration.ofMillis(200));
		JdbcFeatureStore second = store(database, dataSource(database), Duration.ofMillis(200));
		first.create(FeatureDefinition.builder("checkout").build(), "setup");
		Flagstaff one = instance(first, new CopyOnWriteArrayList<>());
		Flagstaff two = instance(second, new CopyOnWriteArrayList<>());
		assertThat(two.isEnabled("checkout")).isTrue();
		first.disable("checkout", "alice");
		await().atMost(Duration.ofSeconds(10)).until(() -> !two.isEnabled("checkout"));
		second.enable("checkout", "bob");
		await().atMost(Duration.ofSeconds(10)).until(() -> one.isEnabled("checkout"));
		assertThat(first.audit("checkout", 10)).extracting((entry) -> entry.actor())
			.containsExactly("bob", "alice", "setup");
	}

	@Test
	void postgresPushesChangesAndPropagationIsMeasured() throws Exception {
		withCleanUp(TestDatabase.POSTGRESQL);
		JdbcFeatureStore first = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofHours(1));
		JdbcFeatureStore second = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofHours(1));
		first.create(FeatureDefinition.builder("flip").build(), "setup");
		instance(first, new CopyOnWriteArrayList<>());
		Flagstaff two = instance(second, new CopyOnWriteArrayList<>());
		await().atMost(Duration.ofSeconds(10)).until(() -> second.listenerName() != null);
		PropagationProbe.Delays delays = PropagationProbe.measure(first, two, "flip", 200);
		PropagationProbe.report("PostgreSQL LISTEN/NOTIFY, loopback", delays);
	}

	@Test
	void postgresReportsAKilledListeningConnectionAndRecovers() throws Exception {
		HikariDataSource admin = withCleanUp(TestDatabase.POSTGRESQL);
		JdbcFeatureStore first = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofHours(1));
		JdbcFeatureStore second = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofHours(1));
		first.create(FeatureDefinition.builder("a").build(), "setup");
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		Flagstaff two = instance(second, events);
		await().atMost(Duration.ofSeconds(10)).until(() -> listening(admin, second.listenerName()));

		String sql = "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?";
		assertThat(TestDatabase.execute(admin, sql, second.listenerName())).isEqualTo(-1);
		// polling is hourly here: only the listener can tell, and its first failure
		// counts
		await().atMost(Duration.ofSeconds(10))
			.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance)
					&& events.stream().anyMatch(FlagstaffEvent.StoreUp.class::isInstance));
		assertThat(events.stream()
			.filter((event) -> event instanceof FlagstaffEvent.StoreDown || event instanceof FlagstaffEvent.StoreUp)
			.map((event) -> event.getClass().getSimpleName())).startsWith("StoreDown");
		first.disable("a", "alice");
		await().atMost(Duration.ofSeconds(10)).until(() -> !two.isEnabled("a"));
		await().atMost(Duration.ofSeconds(10)).until(() -> listening(admin, second.listenerName()));
		first.enable("a", "alice");
		await().atMost(Duration.ofSeconds(10)).until(() -> two.isEnabled("a"));
	}

	private static boolean listening(HikariDataSource admin, String name) throws Exception {
		try (var connection = admin.getConnection();
				var statement = connection
					.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
			statement.setString(1, name);
			try (var rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) == 1;
			}
		}
	}

	@Test
	void twoPostgresInstancesUpdatingOneFlagConcurrentlyLoseNoUpdate() throws Exception {
		withCleanUp(TestDatabase.POSTGRESQL);
		JdbcFeatureStore first = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofSeconds(1));
		JdbcFeatureStore second = store(TestDatabase.POSTGRESQL, dataSource(TestDatabase.POSTGRESQL),
				Duration.ofSeconds(1));
		List<ConcurrentWriters.Success> successes = ConcurrentWriters.run(first, second, "contended", 1000);
		Flagstaff reader = instance(first, new CopyOnWriteArrayList<>());
		assertThat(reader.snapshot().definition("contended").description())
			.isEqualTo(successes.get(successes.size() - 1).description());
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "POSTGRESQL", "H2" })
	void aMalformedDocumentWrittenIntoTheTableIsRejectedAndTheSnapshotKept(TestDatabase database) throws Exception {
		HikariDataSource admin = withCleanUp(database);
		JdbcFeatureStore writer = store(database, dataSource(database), Duration.ofMillis(200));
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		writer.create(FeatureDefinition.builder("b").enabled(false).build(), "setup");
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		JdbcFeatureStore readerStore = store(database, dataSource(database), Duration.ofMillis(200));
		Flagstaff reader = instance(readerStore, events);

		TestDatabase.execute(admin,
				"update " + this.prefix + "documents set document = ?, version = version + 1 where name = ?",
				"{\"enabled\": \"sometimes\"}", "a");
		TestDatabase.execute(admin,
				"update " + this.prefix + "documents set document = ?, version = version + 1 where name = ?",
				"{not json", "b");
		TestDatabase.execute(admin, "update " + this.prefix + "revision set revision = revision + 1 where id = 1");

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
			.hasMessageContaining(this.prefix + "documents");
		assertThat(reader.isEnabled("a")).isTrue();
		assertThat(reader.isEnabled("b")).isFalse();
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(writer::load);
	}

}
