package io.flagstaff.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL store when its tables are truncated behind its back (refused, restored,
 * accepted), with a pool of one connection and the listening connection of its own, with
 * a subscriber that throws, and with a key too long for a notification.
 */
class PostgresRecoveryTests {

	private final String prefix = TestDatabase.uniquePrefix();

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private HikariDataSource admin;

	@BeforeEach
	void open() {
		TestDatabase.POSTGRESQL.require();
		this.admin = TestDatabase.POSTGRESQL.dataSource(this.prefix);
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
		TestDatabase.dropTables(this.admin, this.prefix);
		this.admin.close();
	}

	private <T extends AutoCloseable> T closed(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private JdbcFeatureStore store(DataSource dataSource) {
		return closed(TestDatabase.POSTGRESQL.store(dataSource, this.prefix, Clock.systemUTC())
			.pollInterval(Duration.ofMillis(200))
			.build());
	}

	@Test
	void instancesKeepTheirFlagsWhenTheTablesAreTruncatedAndFollowThemAgainOnceRestored() throws Exception {
		JdbcFeatureStore writer = store(this.admin);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		writer.create(FeatureDefinition.builder("b").build(), "setup");
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		Flagstaff reader = closed(Flagstaff.builder(store(this.admin)).listener(events::add).build());

		TestDatabase.execute(this.admin, "truncate " + this.prefix + "documents, " + this.prefix + "revision");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreDiverged.class::isInstance));
		assertThat(events).filteredOn(FlagstaffEvent.StoreDiverged.class::isInstance).singleElement();
		assertThat(reader.isEnabled("a")).isTrue();
		assertThat(reader.snapshot().featureKeys()).containsExactly("a", "b");

		writer.create(FeatureDefinition.builder("a").build(), "restore");
		writer.create(FeatureDefinition.builder("b").build(), "restore");
		await().atMost(Duration.ofSeconds(20)).until(() -> reader.divergence() == null);
		writer.disable("a", "alice");
		await().atMost(Duration.ofSeconds(20)).until(() -> !reader.isEnabled("a"));
	}

	@Test
	void anOperatorAcceptsTruncatedTables() throws Exception {
		JdbcFeatureStore writer = store(this.admin);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		Flagstaff reader = closed(Flagstaff.builder(store(this.admin)).build());
		TestDatabase.execute(this.admin, "truncate " + this.prefix + "documents");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			reader.refresh();
			return reader.divergence() != null;
		});
		reader.acceptStoreContent();
		assertThat(reader.snapshot().featureKeys()).isEmpty();
		assertThat(reader.divergence()).isNull();
	}

	@Test
	void onePooledConnectionIsEnoughWhenTheListenerHasItsOwn() throws Exception {
		JdbcFeatureStore writer = store(this.admin);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		HikariDataSource pool = closed(TestDatabase.POSTGRESQL.dataSource(this.prefix));
		pool.setMaximumPoolSize(1);
		DataSource listening = new DriverManagerDataSource(TestDatabase.POSTGRESQL.url(this.prefix), "postgres", "");
		JdbcFeatureStore single = closed(TestDatabase.POSTGRESQL.store(pool, this.prefix, Clock.systemUTC())
			.pollInterval(Duration.ofSeconds(30))
			.listenerDataSource(listening)
			.build());
		Flagstaff reader = closed(Flagstaff.builder(single).build());
		await().atMost(Duration.ofSeconds(10)).until(() -> single.listenerName() != null);
		for (int i = 0; i < 5; i++) {
			boolean on = (i % 2) == 1;
			if (on) {
				writer.enable("a", "probe");
			}
			else {
				writer.disable("a", "probe");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> reader.isEnabled("a") == on);
		}
	}

	@Test
	void aSubscriberThatThrowsKeepsBeingToldAndDoesNotSilenceTheOthers() throws Exception {
		JdbcFeatureStore writer = store(this.admin);
		writer.create(FeatureDefinition.builder("a").build(), "setup");
		JdbcFeatureStore follower = store(this.admin);
		AtomicInteger thrown = new AtomicInteger();
		List<StoreChange> heard = new CopyOnWriteArrayList<>();
		follower.subscribe(new StoreListener() {

			@Override
			public void changed() {
				thrown.incrementAndGet();
				throw new LinkageError("a listener bug");
			}

			@Override
			public void changed(StoreChange change) {
				thrown.incrementAndGet();
				throw new AssertionError("a listener bug");
			}

		});
		follower.subscribe(new StoreListener() {

			@Override
			public void changed() {
			}

			@Override
			public void changed(StoreChange change) {
				heard.add(change);
			}

		});
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.listenerName() != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			writer.disable("a", "probe");
			return heard.size() >= 1 && thrown.get() >= 2;
		});
		int before = heard.size();
		writer.enable("a", "probe");
		await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() > before);
		assertThat(heard).allSatisfy((change) -> assertThat(change.features()).containsExactly("a"));
	}

	@Test
	void aNotificationNamesTheChangedFlagWithinThePayloadLimitOrAsksToReadEverything() {
		assertThat(JdbcTables.payload(12, JdbcTables.FEATURE, "new-checkout")).isEqualTo("12 f new-checkout");
		assertThat(JdbcFeatureStore.parse("12 f new-checkout"))
			.isEqualTo(StoreChange.ofFeatures(12, Set.of("new-checkout")));
		assertThat(JdbcTables.payload(12, JdbcTables.SEGMENT, "eu")).isEqualTo("12 s eu");
		assertThat(JdbcFeatureStore.parse("12 s eu")).isEqualTo(StoreChange.ofSegments(12));
		String huge = "k".repeat(JdbcTables.MAX_PAYLOAD);
		assertThat(JdbcTables.payload(12, JdbcTables.FEATURE, huge)).isEqualTo("12");
		assertThat(JdbcFeatureStore.parse("12")).isNull();
	}

}
