package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.store.TestServices;

/**
 * The databases the JDBC tests (of this package and its subpackages) run against, on
 * loopback, each test with its own table prefix (or its own in-memory H2 database) so
 * runs never collide.
 */
public enum TestDatabase {

	H2(0, null, null), POSTGRESQL(5432, "postgres", ""), MARIADB(3306, "root", "");

	private final int port;

	private final String user;

	private final String password;

	TestDatabase(int port, String user, String password) {
		this.port = port;
		this.user = user;
		this.password = password;
	}

	/**
	 * Fails (CI) or skips (elsewhere) when the server is not up.
	 */
	public void require() {
		if (this.port != 0) {
			TestServices.require(name(), this.port);
		}
	}

	/**
	 * Returns a table prefix (and H2 database name) no other test uses.
	 * @return the prefix
	 */
	public static String uniquePrefix() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
	}

	String url(String prefix) {
		return switch (this) {
			case H2 -> "jdbc:h2:mem:" + prefix + ";DB_CLOSE_DELAY=-1";
			case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test";
			case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/test";
		};
	}

	/**
	 * Opens a small pool on the database; the caller closes it.
	 * @param prefix the test's prefix (names the in-memory H2 database)
	 * @return the pool
	 */
	public HikariDataSource dataSource(String prefix) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url(prefix));
		if (this.user != null) {
			config.setUsername(this.user);
			config.setPassword(this.password);
		}
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(5000);
		config.setPoolName("flagstaff-test-" + name().toLowerCase(Locale.ROOT));
		return new HikariDataSource(config);
	}

	JdbcFeatureStore.Builder store(DataSource dataSource, String prefix, Clock clock) {
		return JdbcFeatureStore.builder(dataSource).tablePrefix(prefix).clock(clock);
	}

	static void dropTables(DataSource dataSource, String prefix) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : new String[] { "documents", "audit", "revision" }) {
				statement.execute("drop table if exists " + prefix + table);
			}
		}
	}

	static int execute(DataSource dataSource, String sql, Object... arguments) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			if (statement.execute()) {
				return -1;
			}
			return statement.getUpdateCount();
		}
	}

}
