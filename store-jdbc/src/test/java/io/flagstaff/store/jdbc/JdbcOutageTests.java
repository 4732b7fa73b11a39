package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outages only the PostgreSQL listening connection sees; the outage of a whole instance
 * (refused connections while another instance writes) is part of the multi-instance
 * contract ({@link JdbcMultiInstanceTests}).
 */
class JdbcOutageTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	@Test
	void aKilledPostgresListeningConnectionIsReportedAndTheListenerRecovers() throws Exception {
		TestDatabase.POSTGRESQL.require();
		String prefix = TestDatabase.uniquePrefix();
		try (HikariDataSource admin = TestDatabase.POSTGRESQL.dataSource(prefix);
				HikariDataSource firstPool = TestDatabase.POSTGRESQL.dataSource(prefix);
				HikariDataSource secondPool = TestDatabase.POSTGRESQL.dataSource(prefix)) {
			JdbcFeatureStore first = TestDatabase.POSTGRESQL.store(firstPool, prefix, this.clock)
				.pollInterval(Duration.ofHours(1))
				.build();
			JdbcFeatureStore second = TestDatabase.POSTGRESQL.store(secondPool, prefix, this.clock)
				.pollInterval(Duration.ofHours(1))
				.build();
			List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
			try {
				first.create(FeatureDefinition.builder("a").build(), "setup");
				try (Flagstaff two = Flagstaff.builder(second).listener(events::add).build()) {
					await().atMost(Duration.ofSeconds(10)).until(() -> listeners(admin, second.listenerName()) == 1);

					String sql = "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?";
					assertThat(TestDatabase.execute(admin, sql, second.listenerName())).isEqualTo(-1);
					// polling is hourly here: only the listener can tell, and its first
					// failure counts
					await().atMost(Duration.ofSeconds(10))
						.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance)
								&& events.stream().anyMatch(FlagstaffEvent.StoreUp.class::isInstance));
					assertThat(events.stream()
						.filter((event) -> event instanceof FlagstaffEvent.StoreDown
								|| event instanceof FlagstaffEvent.StoreUp)
						.map((event) -> event.getClass().getSimpleName())).startsWith("StoreDown");
					first.disable("a", "alice");
					await().atMost(Duration.ofSeconds(10)).until(() -> !two.isEnabled("a"));
					await().atMost(Duration.ofSeconds(10)).until(() -> listeners(admin, second.listenerName()) == 1);
					first.enable("a", "alice");
					await().atMost(Duration.ofSeconds(10)).until(() -> two.isEnabled("a"));
				}
			}
			finally {
				second.close();
				first.close();
				TestDatabase.dropTables(admin, prefix);
			}
		}
	}

	@Test
	void aPostgresListenerThatCannotConnectReportsItsFirstFailure() throws Exception {
		TestDatabase.POSTGRESQL.require();
		String prefix = TestDatabase.uniquePrefix();
		try (HikariDataSource dataSource = TestDatabase.POSTGRESQL.dataSource(prefix)) {
			Cable cable = new Cable(dataSource);
			cable.refuseListener.set(1);
			JdbcFeatureStore store = JdbcFeatureStore.builder(cable)
				.tablePrefix(prefix)
				.pollInterval(Duration.ofHours(1))
				.build();
			List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
			try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreUp.class::isInstance));
				assertThat(events).filteredOn(FlagstaffEvent.StoreDown.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(((FlagstaffEvent.StoreDown) event).failure())
						.hasMessageContaining("change-notification connection")
						.hasMessageContaining("refused once"));
			}
			finally {
				store.close();
				TestDatabase.dropTables(dataSource, prefix);
			}
		}
	}

	/**
	 * Returns how many connections carry a listener's {@code application_name}.
	 */
	static int listeners(DataSource dataSource, String name) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				var statement = connection
					.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
			statement.setString(1, name);
			try (var rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
