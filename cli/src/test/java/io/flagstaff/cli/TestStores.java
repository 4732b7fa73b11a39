package io.flagstaff.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.flagstaff.store.TestServices;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The shared PostgreSQL and Redis on loopback that the store commands are tested against,
 * each test with its own table or key prefix, removed afterwards.
 */
enum TestStores {

	POSTGRESQL("PostgreSQL", 5432) {

		@Override
		String prefix() {
			return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
		}

		@Override
		String[] location(String prefix) {
			return new String[] { POSTGRESQL_URL, "--user", "postgres", "--table-prefix", prefix };
		}

		@Override
		WritableFeatureStore open(String prefix) {
			return JdbcFeatureStore.builder(POSTGRESQL_URL, "postgres", null).tablePrefix(prefix).build();
		}

		@Override
		void clean(String prefix) throws SQLException {
			try (Connection connection = DriverManager.getConnection(POSTGRESQL_URL, "postgres", null);
					Statement statement = connection.createStatement()) {
				for (String table : List.of("documents", "audit", "revision")) {
					statement.execute("drop table if exists " + prefix + table);
				}
			}
		}

	},

	REDIS("Redis", 6379) {

		@Override
		String prefix() {
			return "flagstaff-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
		}

		@Override
		String[] location(String prefix) {
			return new String[] { REDIS_URI, "--key-prefix", prefix };
		}

		@Override
		WritableFeatureStore open(String prefix) {
			return RedisFeatureStore.builder(REDIS_URI).keyPrefix(prefix).build();
		}

		@Override
		void clean(String prefix) {
			RedisClient client = RedisClient.create(REDIS_URI);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				List<String> keys = connection.sync().keys(prefix + "*");
				if (!keys.isEmpty()) {
					connection.sync().del(keys.toArray(String[]::new));
				}
			}
			finally {
				client.shutdown();
			}
		}

	};

	static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String REDIS_URI = "redis://127.0.0.1:6379";

	private final String service;

	private final int port;

	TestStores(String service, int port) {
		this.service = service;
		this.port = port;
	}

	/**
	 * Fails (CI) or skips (elsewhere) when the server is not up.
	 */
	void require() {
		TestServices.require(this.service, this.port);
	}

	/**
	 * Returns a table or key prefix no other test uses.
	 * @return the prefix
	 */
	abstract String prefix();

	/**
	 * Returns the command-line arguments that name the store: the location, then its
	 * options.
	 * @param prefix the test's prefix
	 * @return the location and options
	 */
	abstract String[] location(String prefix);

	/**
	 * Opens the store directly, to check what the command line wrote.
	 * @param prefix the test's prefix
	 * @return the store, to close
	 */
	abstract WritableFeatureStore open(String prefix);

	/**
	 * Removes everything stored under a prefix.
	 * @param prefix the test's prefix
	 * @throws SQLException when the tables cannot be dropped
	 */
	abstract void clean(String prefix) throws SQLException;

}
