package io.flagstaff.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.VersionedFeature;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the JDBC store: schema creation and the statements over the documents, audit
 * and revision tables. Every method works on a connection it is given and leaves
 * transactions to the caller.
 */
final class JdbcTables {

	static final String FEATURE = "feature";

	static final String SEGMENT = "segment";

	/** PostgreSQL's limit on a notification's payload, in bytes. */
	static final int MAX_PAYLOAD = 8000;

	/** The kind of the revision's row in a load. */
	private static final String REVISION = "revision";

	private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

	private final JdbcDialect dialect;

	private final String prefix;

	private final String documents;

	private final String audit;

	private final String revision;

	JdbcTables(JdbcDialect dialect, String prefix) {
		this.dialect = dialect;
		this.prefix = prefix;
		this.documents = prefix + "documents";
		this.audit = prefix + "audit";
		this.revision = prefix + "revision";
	}

	String documentsTable() {
		return this.documents;
	}

	String channel() {
		return this.prefix + "changes";
	}

	/**
	 * Returns the dialect's DDL with the prefix filled in.
	 */
	static String ddl(JdbcDialect dialect, String prefix) {
		try (InputStream in = JdbcTables.class.getResourceAsStream(dialect.schemaResource())) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + dialect.schemaResource());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + dialect.schemaResource(), ex);
		}
	}

	void createSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : ddl(this.dialect, this.prefix).split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql.strip());
				}
			}
		}
	}

	long revision(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select revision from " + this.revision + " where id = 1");
				ResultSet rows = statement.executeQuery()) {
			return rows.next() ? rows.getLong(1) : 0;
		}
	}

	/**
	 * Reads the revision and every document in one statement, so they are consistent
	 * without a transaction (one round trip); with {@code readableOnly} the malformed
	 * documents are left out instead of failing the read.
	 */
	StoreContent load(Connection connection, String source, boolean readableOnly) throws SQLException {
		long current = 0;
		FeatureDocumentCodec.Collector collector = new FeatureDocumentCodec.Collector(source);
		try (PreparedStatement statement = connection
			.prepareStatement("select kind, name, document, 0 from " + this.documents + " union all select '" + REVISION
					+ "', null, null, revision from " + this.revision + " where id = 1 order by 1, 2");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				String kind = rows.getString(1);
				if (SEGMENT.equals(kind)) {
					collector.segment(rows.getString(2), rows.getString(3));
				}
				else if (FEATURE.equals(kind)) {
					collector.feature(rows.getString(2), rows.getString(3));
				}
				else if (REVISION.equals(kind)) {
					current = rows.getLong(4);
				}
			}
		}
		return new StoreContent(readableOnly ? collector.readable() : collector.toFeatureSet(), current);
	}

	@Nullable VersionedFeature feature(Connection connection, String key, String source) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select version, document from " + this.documents + " where kind = ? and name = ?")) {
			statement.setString(1, FEATURE);
			statement.setString(2, key);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					return null;
				}
				long version = rows.getLong(1);
				return new VersionedFeature(FeatureDocumentCodec.readFeature(key, rows.getString(2), source), version);
			}
		}
	}

	long version(Connection connection, String kind, String key) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select version from " + this.documents + " where kind = ? and name = ?")) {
			statement.setString(1, kind);
			statement.setString(2, key);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

	/**
	 * Writes one flag if its version is the expected one; returns whether it did. Call
	 * inside a transaction.
	 */
	boolean writeFeature(Connection connection, String key, long expected, @Nullable FeatureDefinition next,
			AuditEntry entry) throws SQLException {
		if (expected == 0) {
			if (next == null) {
				return false;
			}
			insert(connection, FEATURE, key, FeatureDocumentCodec.writeFeature(next), entry);
			return true;
		}
		if (next == null) {
			try (PreparedStatement statement = connection
				.prepareStatement("delete from " + this.documents + " where kind = ? and name = ? and version = ?")) {
				statement.setString(1, FEATURE);
				statement.setString(2, key);
				statement.setLong(3, expected);
				return statement.executeUpdate() > 0;
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("update " + this.documents
				+ " set version = ?, document = ?, updated_at = ?, updated_by = ? where kind = ? and name = ? and version = ?")) {
			statement.setLong(1, expected + 1);
			statement.setString(2, FeatureDocumentCodec.writeFeature(next));
			statement.setTimestamp(3, Timestamp.from(entry.time()), UTC);
			statement.setString(4, entry.actor());
			statement.setString(5, FEATURE);
			statement.setString(6, key);
			statement.setLong(7, expected);
			return statement.executeUpdate() > 0;
		}
	}

	/**
	 * Writes or removes one segment. Call inside a transaction.
	 */
	void writeSegment(Connection connection, String name, @Nullable List<Condition> conditions, AuditEntry entry)
			throws SQLException {
		if (conditions == null) {
			try (PreparedStatement statement = connection
				.prepareStatement("delete from " + this.documents + " where kind = ? and name = ?")) {
				statement.setString(1, SEGMENT);
				statement.setString(2, name);
				statement.executeUpdate();
				return;
			}
		}
		String document = FeatureDocumentCodec.writeSegment(name, conditions);
		try (PreparedStatement statement = connection.prepareStatement("update " + this.documents
				+ " set version = version + 1, document = ?, updated_at = ?, updated_by = ? where kind = ? and name = ?")) {
			statement.setString(1, document);
			statement.setTimestamp(2, Timestamp.from(entry.time()), UTC);
			statement.setString(3, entry.actor());
			statement.setString(4, SEGMENT);
			statement.setString(5, name);
			if (statement.executeUpdate() > 0) {
				return;
			}
		}
		insert(connection, SEGMENT, name, document, entry);
	}

	private void insert(Connection connection, String kind, String name, String document, AuditEntry entry)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("insert into " + this.documents
				+ " (kind, name, version, document, updated_at, updated_by) values (?, ?, 1, ?, ?, ?)")) {
			statement.setString(1, kind);
			statement.setString(2, name);
			statement.setString(3, document);
			statement.setTimestamp(4, Timestamp.from(entry.time()), UTC);
			statement.setString(5, entry.actor());
			statement.executeUpdate();
		}
	}

	static boolean isDuplicate(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && state.startsWith("23");
	}

	/**
	 * Bumps the revision provided it is {@code expectedRevision} (any when
	 * {@code checkRevision} is false), records the audit entry and, on PostgreSQL, queues
	 * the notification (sent on commit): {@code <revision> <kind initial> <key>}, or the
	 * bare revision when that would exceed PostgreSQL's payload limit. Returns the new
	 * revision, or -1 when the revision was not the expected one (nothing recorded then).
	 * A revision row that is gone (a truncated table) is created again, at the revision
	 * expected.
	 */
	long recordChange(Connection connection, String kind, AuditEntry entry, boolean checkRevision,
			long expectedRevision) throws SQLException {
		if (!revisionRowExists(connection)) {
			try (PreparedStatement statement = connection
				.prepareStatement("insert into " + this.revision + " (id, revision) values (1, ?)")) {
				statement.setLong(1, checkRevision ? expectedRevision : 0);
				statement.executeUpdate();
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("update " + this.revision
				+ " set revision = revision + 1 where id = 1" + (checkRevision ? " and revision = ?" : ""))) {
			if (checkRevision) {
				statement.setLong(1, expectedRevision);
			}
			if (statement.executeUpdate() == 0) {
				return -1;
			}
		}
		long current = revision(connection);
		try (PreparedStatement statement = connection.prepareStatement("insert into " + this.audit
				+ " (name, action, actor, at, reason, old_document, new_document) values (?, ?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, entry.key());
			statement.setString(2, entry.action().name());
			statement.setString(3, entry.actor());
			statement.setTimestamp(4, Timestamp.from(entry.time()), UTC);
			statement.setString(5, entry.reason());
			statement.setString(6,
					(entry.oldDefinition() != null) ? FeatureDocumentCodec.writeFeature(entry.oldDefinition()) : null);
			statement.setString(7,
					(entry.newDefinition() != null) ? FeatureDocumentCodec.writeFeature(entry.newDefinition()) : null);
			statement.executeUpdate();
		}
		if (this.dialect == JdbcDialect.POSTGRESQL) {
			try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
				statement.setString(1, channel());
				statement.setString(2, payload(current, kind, entry.key()));
				statement.executeQuery().close();
			}
		}
		return current;
	}

	/**
	 * Returns the notification of a change, within PostgreSQL's payload limit (8,000
	 * bytes): the revision, the kind's initial and the key, or the revision alone when
	 * the key is too long to fit.
	 */
	static String payload(long revision, String kind, String key) {
		String payload = revision + " " + kind.charAt(0) + " " + key;
		return (payload.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD) ? payload : Long.toString(revision);
	}

	private boolean revisionRowExists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select 1 from " + this.revision + " where id = 1");
				ResultSet rows = statement.executeQuery()) {
			return rows.next();
		}
	}

	/**
	 * Reads some flags and the revision in one statement, so they are consistent without
	 * a transaction; returns the revision and fills {@code documents} with the flags
	 * found, by key.
	 */
	long loadFeatures(Connection connection, List<String> keys, Map<String, String> documents) throws SQLException {
		String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
		long current = 0;
		try (PreparedStatement statement = connection.prepareStatement("select kind, name, document, 0 from "
				+ this.documents + " where kind = '" + FEATURE + "' and name in (" + marks + ") union all select '"
				+ REVISION + "', null, null, revision from " + this.revision + " where id = 1")) {
			for (int i = 0; i < keys.size(); i++) {
				statement.setString(i + 1, keys.get(i));
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					if (REVISION.equals(rows.getString(1))) {
						current = rows.getLong(4);
					}
					else {
						documents.put(rows.getString(2), rows.getString(3));
					}
				}
			}
		}
		return current;
	}

	List<AuditEntry> audit(Connection connection, @Nullable String key, int limit, String source) throws SQLException {
		if (limit < 0) {
			throw new IllegalArgumentException("audit limit must not be negative, was " + limit);
		}
		String sql = "select name, action, actor, at, reason, old_document, new_document from " + this.audit
				+ ((key != null) ? " where name = ?" : "") + " order by id desc limit ?";
		List<AuditEntry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			if (key != null) {
				statement.setString(index++, key);
			}
			statement.setInt(index, limit);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String name = rows.getString(1);
					entries.add(new AuditEntry(name, AuditAction.valueOf(rows.getString(2)), rows.getString(3),
							rows.getTimestamp(4, UTC).toInstant(), definition(name, rows.getString(6), source),
							definition(name, rows.getString(7), source), rows.getString(5)));
				}
			}
		}
		return entries;
	}

	private static @Nullable FeatureDefinition definition(String key, @Nullable String document, String source) {
		if (document == null) {
			return null;
		}
		try {
			return FeatureDocumentCodec.readFeature(key, document, source + " audit of '" + key + "'");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
