package io.flagstaff.feedback.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.flagstaff.feedback.Feedback;
import io.flagstaff.feedback.FeedbackStore;
import io.flagstaff.store.FeatureStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps feedback in a table of a PostgreSQL, MariaDB/MySQL or H2 database, shared by
 * every application instance. The table (default {@code flagstaff_feedback}) is created
 * when missing:
 *
 * <pre class="code">
 * id           identity primary key (insertion order)
 * feature      varchar(200) not null, indexed
 * user_id      varchar(200)
 * session_id   varchar(200)
 * rating       integer not null
 * comment_text varchar(2000)
 * created_at   bigint not null   -- microseconds since the epoch, UTC
 * </pre>
 *
 * Thread-safe; each call borrows a connection from the data source.
 */
public final class JdbcFeedbackStore implements FeedbackStore {

	/** The table used when none is given. */
	public static final String DEFAULT_TABLE = "flagstaff_feedback";

	/** How many times the DDL runs before its failure is reported. */
	private static final int CREATE_ATTEMPTS = 5;

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private final DataSource dataSource;

	private final String table;

	private JdbcFeedbackStore(DataSource dataSource, String table) {
		this.dataSource = dataSource;
		this.table = table;
	}

	/**
	 * Creates a store over the {@value #DEFAULT_TABLE} table, creating it when missing.
	 * @param dataSource the database
	 * @return the store
	 * @throws FeatureStoreException when the table cannot be created
	 */
	public static JdbcFeedbackStore of(DataSource dataSource) {
		return create(dataSource, DEFAULT_TABLE);
	}

	/**
	 * Creates a store over a table, creating it when missing.
	 * @param dataSource the database
	 * @param table the table name (letters, digits and underscores)
	 * @return the store
	 * @throws IllegalArgumentException when the table name is not a plain SQL identifier
	 * @throws FeatureStoreException when the table cannot be created
	 */
	public static JdbcFeedbackStore create(DataSource dataSource, String table) {
		Objects.requireNonNull(dataSource, "dataSource");
		if (!TABLE_NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("feedback table name must be letters, digits and underscores (at most "
					+ "63, not starting with a digit), but was '" + table + "'");
		}
		JdbcFeedbackStore store = new JdbcFeedbackStore(dataSource, table);
		store.createTable();
		return store;
	}

	@Override
	public void save(Feedback feedback) {
		String sql = "INSERT INTO " + this.table
				+ " (feature, user_id, session_id, rating, comment_text, created_at) VALUES (?, ?, ?, ?, ?, ?)";
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, feedback.feature());
			setNullable(statement, 2, feedback.userId());
			setNullable(statement, 3, feedback.sessionId());
			statement.setInt(4, feedback.rating());
			setNullable(statement, 5, feedback.comment());
			statement.setLong(6, ChronoUnit.MICROS.between(Instant.EPOCH, feedback.time()));
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new FeatureStoreException("Could not save feedback on '" + feedback.feature() + "' in table "
					+ this.table + ": " + ex.getMessage() + "; check the database connection and the table", ex);
		}
	}

	@Override
	public List<Feedback> find(String feature, int limit) {
		String sql = "SELECT feature, user_id, session_id, rating, comment_text, created_at FROM " + this.table
				+ " WHERE feature = ? ORDER BY id";
		List<Feedback> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, feature);
			statement.setMaxRows(Math.max(0, limit));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next() && found.size() < limit) {
					found.add(new Feedback(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
							rows.getString(5), Instant.EPOCH.plus(rows.getLong(6), ChronoUnit.MICROS)));
				}
			}
		}
		catch (SQLException ex) {
			throw new FeatureStoreException("Could not read feedback on '" + feature + "' from table " + this.table
					+ ": " + ex.getMessage() + "; check the database connection and the table", ex);
		}
		return found;
	}

	/**
	 * Creates the table and its index when missing. Instances starting together may run
	 * the DDL at the same moment, and PostgreSQL then reports a duplicate catalog entry
	 * to all but one of them: the DDL is idempotent, so it runs again (a few times at
	 * most) once the others finished.
	 */
	private void createTable() {
		for (int attempt = 1;; attempt++) {
			try {
				tryCreateTable();
				return;
			}
			catch (FeatureStoreException ex) {
				if (attempt >= CREATE_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private void tryCreateTable() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			String id = product.contains("postgres") ? "BIGSERIAL PRIMARY KEY" : "BIGINT AUTO_INCREMENT PRIMARY KEY";
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (id " + id
					+ ", feature VARCHAR(200) NOT NULL, user_id VARCHAR(200), session_id VARCHAR(200), "
					+ "rating INTEGER NOT NULL, comment_text VARCHAR(2000), created_at BIGINT NOT NULL)");
			statement.execute(
					"CREATE INDEX " + (product.contains("mariadb") || product.contains("mysql") ? "" : "IF NOT EXISTS ")
							+ this.table + "_feature ON " + this.table + " (feature)");
		}
		catch (SQLException ex) {
			if (isDuplicateIndex(ex)) {
				return;
			}
			throw new FeatureStoreException("Could not create the feedback table " + this.table + ": " + ex.getMessage()
					+ "; create it by hand (see the JdbcFeedbackStore javadoc) or grant CREATE", ex);
		}
	}

	private static boolean isDuplicateIndex(SQLException ex) {
		// MariaDB/MySQL: ER_DUP_KEYNAME
		return ex.getErrorCode() == 1061;
	}

	private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
			throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

}
