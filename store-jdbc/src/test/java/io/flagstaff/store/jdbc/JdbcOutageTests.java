package io.flagstaff.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A database that becomes unreachable for one instance (its connections are refused)
 * while another instance keeps writing: the first serves its last good flags, reports the
 * outage and catches up when the database is back.
 */
class JdbcOutageTests {

	/**
	 * Hands out real H2 connections until it is cut off.
	 */
	static final class Cable implements DataSource {

		private final DataSource target;

		volatile boolean cut;

		/** How many more connections of the PostgreSQL listener thread to refuse. */
		final AtomicInteger refuseListener = new AtomicInteger();

		Cable(DataSource target) {
			this.target = target;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.cut) {
				throw new SQLTransientConnectionException("connection refused (cable cut by the test)");
			}
			if (Thread.currentThread().getName().startsWith("flagstaff-listener-")
					&& this.refuseListener.getAndDecrement() > 0) {
				throw new SQLTransientConnectionException("listener connection refused once by the test");
			}
			return this.target.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

	/**
	 * On H2 the poller notices the outage; on PostgreSQL polling is hourly, so the
	 * listener alone must notice it (its connection is killed while the cable is cut) and
	 * the recovery.
	 */
	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL" })
	void anInstanceCutOffFromTheDatabaseServesItsLastGoodFlagsAndCatchesUpAfterwards(TestDatabase database)
			throws Exception {
		database.require();
		boolean postgres = database == TestDatabase.POSTGRESQL;
		String prefix = TestDatabase.uniquePrefix();
		MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T10:00:00Z"));
		try (HikariDataSource dataSource = database.dataSource(prefix)) {
			JdbcFeatureStore writer = database.store(dataSource, prefix, clock).build();
			writer.create(FeatureDefinition.builder("a").build(), "setup");
			Cable cable = new Cable(dataSource);
			JdbcFeatureStore store = JdbcFeatureStore.builder(cable)
				.tablePrefix(prefix)
				.pollInterval(postgres ? Duration.ofHours(1) : Duration.ofMillis(100))
				.build();
			List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
			try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
				if (postgres) {
					await().atMost(Duration.ofSeconds(10)).until(() -> store.listenerName() != null);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> listeners(dataSource, store.listenerName()) == 1);
				}
				cable.cut = true;
				if (postgres) {
					TestDatabase.execute(dataSource,
							"select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
							store.listenerName());
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> events.stream().anyMatch(FlagstaffEvent.StoreDown.class::isInstance));
				assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> store.disable("a", "alice"))
					.withMessageContaining("cable cut")
					.withMessageContaining("check that the database is reachable");
				writer.disable("a", "bob");
				assertThat(flagstaff.isEnabled("a")).isTrue();
				assertThat(events).noneMatch(FlagstaffEvent.StoreUp.class::isInstance);

				cable.cut = false;
				await().atMost(Duration.ofSeconds(10)).until(() -> !flagstaff.isEnabled("a"));
				assertThat(events).anyMatch(FlagstaffEvent.StoreUp.class::isInstance);
			}
			finally {
				store.close();
				writer.close();
				TestDatabase.dropTables(dataSource, prefix);
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

	private static int listeners(DataSource dataSource, String name) throws SQLException {
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
