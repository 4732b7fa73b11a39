package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the JDBC store supports, each with its own DDL (shipped as
 * {@code io/flagstaff/store/jdbc/schema-<dialect>.sql}).
 */
public enum JdbcDialect {

	/** PostgreSQL: changes are pushed with LISTEN/NOTIFY, polling is the safety net. */
	POSTGRESQL("postgresql"),

	/** MariaDB (and MySQL): changes are polled. */
	MARIADB("mariadb"),

	/** H2, embedded or in memory: changes are polled. */
	H2("h2");

	private final String id;

	JdbcDialect(String id) {
		this.id = id;
	}

	/**
	 * Returns the classpath location of this dialect's DDL, with a {@code ${prefix}}
	 * placeholder for the table-name prefix.
	 * @return the resource name
	 */
	public String schemaResource() {
		return "schema-" + this.id + ".sql";
	}

	/**
	 * Detects the dialect of a connection from its metadata.
	 * @param connection an open connection
	 * @return the dialect
	 * @throws SQLException when the metadata cannot be read
	 * @throws IllegalArgumentException when the database is not supported
	 */
	public static JdbcDialect detect(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return POSTGRESQL;
		}
		if (product.contains("mariadb") || product.contains("mysql")) {
			return MARIADB;
		}
		if (product.contains("h2")) {
			return H2;
		}
		throw new IllegalArgumentException("Unsupported database '" + product
				+ "' for the Flagstaff JDBC store; use PostgreSQL, MariaDB or H2, or set the dialect explicitly");
	}

}
