package io.flagstaff.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.MultiInstanceStoreContract;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WritableFeatureStore;
import org.junit.jupiter.api.Nested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The multi-instance contract on each database, every instance with its own connection
 * pool: PostgreSQL pushes changes (LISTEN/NOTIFY, polling hourly so that only the
 * listener can tell, and propagation measured), MariaDB and H2 poll every 200 ms. The
 * outage is a {@link Cable} the test cuts between the instances and the database, while
 * an instance on the other side of it writes.
 */
class JdbcMultiInstanceTests {

	@Nested
	class PostgreSql extends OnDatabase {

		PostgreSql() {
			super(TestDatabase.POSTGRESQL);
		}

	}

	@Nested
	class MariaDb extends OnDatabase {

		MariaDb() {
			super(TestDatabase.MARIADB);
		}

	}

	@Nested
	class H2 extends OnDatabase {

		H2() {
			super(TestDatabase.H2);
		}

	}

	abstract static class OnDatabase extends MultiInstanceStoreContract {

		private final TestDatabase database;

		private final String prefix = TestDatabase.uniquePrefix();

		private final List<AutoCloseable> pools = new CopyOnWriteArrayList<>();

		private HikariDataSource admin;

		OnDatabase(TestDatabase database) {
			this.database = database;
		}

		private boolean postgres() {
			return this.database == TestDatabase.POSTGRESQL;
		}

		private HikariDataSource pool() {
			HikariDataSource pool = this.database.dataSource(this.prefix);
			this.pools.add(pool);
			return pool;
		}

		@Override
		protected AutoCloseable openBackend() {
			this.database.require();
			this.admin = pool();
			return () -> {
				TestDatabase.dropTables(this.admin, this.prefix);
				for (AutoCloseable pool : this.pools) {
					pool.close();
				}
			};
		}

		@Override
		protected WritableFeatureStore createInstance(Clock clock) {
			return store(pool(), clock);
		}

		private JdbcFeatureStore store(javax.sql.DataSource dataSource, Clock clock) {
			return this.database.store(dataSource, this.prefix, clock)
				.pollInterval(postgres() ? Duration.ofHours(1) : Duration.ofMillis(200))
				.build();
		}

		@Override
		protected String writeMalformedDocuments() throws Exception {
			String update = "update " + this.prefix
					+ "documents set document = ?, version = version + 1 where name = ?";
			TestDatabase.execute(this.admin, update, "{\"enabled\": \"sometimes\"}", "a");
			TestDatabase.execute(this.admin, update, "{not json", "b");
			TestDatabase.execute(this.admin,
					"update " + this.prefix + "revision set revision = revision + 1 where id = 1");
			if (postgres()) {
				TestDatabase.execute(this.admin,
						"select pg_notify(?, (select revision from " + this.prefix + "revision where id = 1)::text)",
						this.prefix + "changes");
			}
			return this.prefix + "documents";
		}

		@Override
		protected boolean pushesChanges() {
			return postgres();
		}

		@Override
		protected void awaitFollowing(WritableFeatureStore instance) {
			JdbcFeatureStore store = (JdbcFeatureStore) instance;
			await().atMost(Duration.ofSeconds(10)).until(() -> store.listenerName() != null);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> JdbcOutageTests.listeners(this.admin, store.listenerName()) == 1);
		}

		@Override
		protected String propagationLabel() {
			return "PostgreSQL LISTEN/NOTIFY, loopback";
		}

		@Override
		protected Outage outage(Path folder) {
			Cable cable = new Cable(pool());
			JdbcFeatureStore writer = store(pool(), this.clock);
			List<JdbcFeatureStore> cutOff = new CopyOnWriteArrayList<>();
			return new Outage() {

				@Override
				public WritableFeatureStore instance(Clock clock) {
					JdbcFeatureStore store = store(cable, clock);
					cutOff.add(store);
					return store;
				}

				@Override
				public void begin() throws Exception {
					if (postgres()) {
						for (JdbcFeatureStore store : cutOff) {
							awaitFollowing(store);
						}
					}
					cable.cut = true;
					if (postgres()) {
						// polling is hourly: the listeners alone must notice the outage
						for (JdbcFeatureStore store : cutOff) {
							TestDatabase.execute(OnDatabase.this.admin,
									"select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
									store.listenerName());
						}
					}
				}

				@Override
				public void changeMeanwhile(VersionedFeature current, FeatureDefinition next) {
					writer.update(next, current.version(), "bob");
				}

				@Override
				public void end() {
					cable.cut = false;
				}

				@Override
				public void checkWriteFailure(FeatureStoreException failure) {
					assertThat(failure).hasMessageContaining("cable cut")
						.hasMessageContaining("check that the database is reachable");
				}

				@Override
				public void close() {
					writer.close();
				}

			};
		}

	}

}
