package io.flagstaff.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.store.StoreBootstrapContract;
import io.flagstaff.store.WritableFeatureStore;
import org.junit.jupiter.api.Nested;

/**
 * The bootstrap contract on each database: eight instances, each with its own connection
 * pool, bootstrap one empty set of tables at once.
 */
class JdbcStoreBootstrapTests {

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

	abstract static class OnDatabase extends StoreBootstrapContract {

		private final TestDatabase database;

		private final String prefix = TestDatabase.uniquePrefix();

		private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

		OnDatabase(TestDatabase database) {
			this.database = database;
		}

		private HikariDataSource pool() {
			HikariDataSource pool = this.database.dataSource(this.prefix);
			this.pools.add(pool);
			return pool;
		}

		@Override
		protected AutoCloseable openBackend() {
			this.database.require();
			HikariDataSource admin = pool();
			return () -> {
				TestDatabase.dropTables(admin, this.prefix);
				for (HikariDataSource pool : this.pools) {
					pool.close();
				}
			};
		}

		@Override
		protected WritableFeatureStore createInstance(Clock clock) {
			return this.database.store(pool(), this.prefix, clock).pollInterval(Duration.ofHours(1)).build();
		}

	}

}
