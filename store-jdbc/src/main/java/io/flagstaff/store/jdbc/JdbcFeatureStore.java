package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.AbstractWritableFeatureStore;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WriteOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A writable store in a relational database shared by many application instances. Each
 * flag and segment is one JSON document with a version in the {@code <prefix>documents}
 * table; every write also bumps the single row of {@code <prefix>revision} and appends to
 * {@code <prefix>audit}, in one transaction. The tables are created on first use
 * (idempotent DDL, see {@link JdbcDialect#schemaResource()}).
 * <p>
 * Subscribers learn about changes by polling the revision (every {@code pollInterval})
 * and, on PostgreSQL, at once through LISTEN/NOTIFY on a dedicated connection that
 * reconnects by itself and re-reads the revision after each reconnect. A notification
 * names the flag or segment written ({@code <revision> f <key>}), so subscribers read
 * only the changed flags ({@code where name in (…)}); the listening thread only queues
 * notifications and goes back to listening, another thread hands them to the subscribers,
 * merged. A change found by polling (MariaDB, H2, or a missed notification) is read
 * whole. The listening connection comes from the data source unless the builder gives it
 * another ({@link Builder#listenerDataSource}); reads and writes borrow one connection at
 * a time, briefly. A failing poll or reconnect reports the store as down; the revision is
 * then read again every 250 ms (or every {@code pollInterval} when shorter) until a read
 * succeeds, which reports the store up again, so a store started while the database is
 * down follows it soon after it is back, whatever the poll interval. Thread-safe.
 */
public final class JdbcFeatureStore extends AbstractWritableFeatureStore {

	private static final System.Logger logger = System.getLogger(JdbcFeatureStore.class.getName());

	/** More changed flags than this are read with everything else. */
	private static final int MAX_KEYS_READ = 1_000;

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");

	private final DataSource dataSource;

	private final DataSource listenerDataSource;

	/** Notifications received and not yet handed to subscribers. */
	private final Queue<String> payloads = new ConcurrentLinkedQueue<>();

	private final String prefix;

	private final Duration pollInterval;

	private final boolean notifications;

	private final boolean createSchema;

	private @Nullable JdbcDialect dialect;

	private volatile @Nullable JdbcTables tables;

	private static final long RETRY_MILLIS = 250;

	/**
	 * How many times the schema DDL runs before its failure is reported: each race with
	 * another instance creating the same tables costs one attempt per statement at most.
	 */
	private static final int SCHEMA_ATTEMPTS = 10;

	private volatile @Nullable ScheduledExecutorService poller;

	private final AtomicBoolean retryScheduled = new AtomicBoolean();

	private @Nullable PostgresChangeListener listener;

	private volatile boolean closed;

	private JdbcFeatureStore(Builder builder) {
		super(builder.clock);
		this.dataSource = builder.dataSource;
		this.listenerDataSource = (builder.listenerDataSource != null) ? builder.listenerDataSource
				: builder.dataSource;
		this.prefix = builder.tablePrefix;
		this.pollInterval = builder.pollInterval;
		this.notifications = builder.notifications;
		this.createSchema = builder.createSchema;
		this.dialect = builder.dialect;
	}

	/**
	 * Creates a store with the defaults over a data source (ideally a pool).
	 * @param dataSource the database
	 * @return the store
	 */
	public static JdbcFeatureStore of(DataSource dataSource) {
		return builder(dataSource).build();
	}

	/**
	 * Starts building a store over a data source (ideally a pool).
	 * @param dataSource the database
	 * @return a builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * Starts building a store over a JDBC URL; each operation opens a connection through
	 * {@link java.sql.DriverManager}. Meant for tests and tools.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return a builder
	 */
	public static Builder builder(String url, @Nullable String user, @Nullable String password) {
		return new Builder(new DriverManagerDataSource(url, user, password));
	}

	/**
	 * Returns the DDL this store runs for a dialect and table prefix, for DBAs who create
	 * the tables themselves.
	 * @param dialect the database
	 * @param tablePrefix the table-name prefix
	 * @return the SQL statements, separated by {@code ;}
	 */
	public static String ddl(JdbcDialect dialect, String tablePrefix) {
		return JdbcTables.ddl(dialect, checkPrefix(tablePrefix));
	}

	private static String checkPrefix(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("tablePrefix must be letters, digits and underscores (at most 41), "
					+ "starting with a letter or underscore, was '" + prefix + "'");
		}
		return prefix;
	}

	/**
	 * Returns the notification channel (PostgreSQL) and table-name prefix.
	 * @return the prefix
	 */
	public String tablePrefix() {
		return this.prefix;
	}

	private JdbcTables tables(Connection connection) throws SQLException {
		JdbcTables current = this.tables;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.tables == null) {
				JdbcDialect detected = (this.dialect != null) ? this.dialect : JdbcDialect.detect(connection);
				this.dialect = detected;
				JdbcTables created = new JdbcTables(detected, this.prefix);
				if (this.createSchema) {
					createSchema(connection, created);
				}
				this.tables = created;
			}
			return this.tables;
		}
	}

	private static void createSchema(Connection connection, JdbcTables tables) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			for (int attempt = 1;; attempt++) {
				try {
					tables.createSchema(connection);
					return;
				}
				catch (SQLException ex) {
					// other instances may be creating the same tables right now
					// (PostgreSQL
					// then reports a duplicate catalog entry): the DDL is idempotent, so
					// running it again after they finished succeeds
					if (attempt >= SCHEMA_ATTEMPTS) {
						throw ex;
					}
				}
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection, JdbcTables tables) throws SQLException;

	}

	private <T> T read(String what, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return work.run(connection, tables(connection));
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	/**
	 * Runs a write in one READ COMMITTED transaction, committed only when it is stored.
	 */
	private WriteOutcome write(String what, Work<WriteOutcome> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcTables tables = tables(connection);
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			try {
				WriteOutcome outcome = work.run(connection, tables);
				if (outcome.isStored()) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
				return outcome;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	private FeatureStoreException failure(String what, SQLException ex) {
		return new FeatureStoreException(
				"Cannot " + what + " in " + this + ": " + ex.getMessage()
						+ "; check that the database is reachable and the user may use the " + this.prefix + "* tables",
				ex);
	}

	@Override
	public StoreContent load() {
		return read("read the flags", (connection, tables) -> tables.load(connection, toString(), false));
	}

	@Override
	protected StoreContent contentToCheck() {
		return read("read the flags", (connection, tables) -> tables.load(connection, toString(), true));
	}

	/**
	 * Reads the changed flags alone, with the revision, in one statement. Everything is
	 * read when segments changed, when more than 1,000 flags changed, or when the
	 * revision is below the announced one (the tables lost data).
	 */
	@Override
	public StoreContent load(StoreContent held, StoreChange change) {
		if (change.segments() || change.features().size() > MAX_KEYS_READ) {
			return load();
		}
		List<String> keys = List.copyOf(change.features());
		Map<String, String> documents = new HashMap<>();
		long revision = read("read the changed flags",
				(connection, tables) -> tables.loadFeatures(connection, keys, documents));
		if (revision < change.toRevision()) {
			return load();
		}
		Map<String, FeatureDefinition> features = new LinkedHashMap<>(held.features().features());
		for (String key : keys) {
			String document = documents.get(key);
			if (document != null) {
				features.put(key, FeatureDocumentCodec.readFeature(key, document, this + " flag '" + key + "'"));
			}
			else {
				features.remove(key);
			}
		}
		return new StoreContent(new FeatureSet(held.features().segments(), features), change.toRevision());
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		return read("read flag '" + key + "'",
				(connection, tables) -> Optional.ofNullable(tables.feature(connection, key, toString())))
			.orElse(null);
	}

	@Override
	protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision) {
		try {
			return write("write flag '" + key + "'", (connection, tables) -> {
				if (!tables.writeFeature(connection, key, expectedVersion, next, entry)) {
					return WriteOutcome.versionMoved(tables.version(connection, JdbcTables.FEATURE, key));
				}
				return recordChange(connection, tables, JdbcTables.FEATURE, entry, expectedRevision);
			});
		}
		catch (FeatureStoreException ex) {
			if (ex.getCause() instanceof SQLException sql && JdbcTables.isDuplicate(sql)) {
				// another instance created the flag first
				return WriteOutcome.versionMoved(read("read flag '" + key + "'",
						(connection, tables) -> tables.version(connection, JdbcTables.FEATURE, key)));
			}
			throw ex;
		}
	}

	@Override
	protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision) {
		try {
			return write("write segment '" + name + "'", (connection, tables) -> {
				tables.writeSegment(connection, name, conditions, entry);
				return recordChange(connection, tables, JdbcTables.SEGMENT, entry, expectedRevision);
			});
		}
		catch (FeatureStoreException ex) {
			if (ex.getCause() instanceof SQLException sql && JdbcTables.isDuplicate(sql)) {
				// another write created the segment meanwhile, and moved the revision
				return WriteOutcome.revisionMoved();
			}
			throw ex;
		}
	}

	private static WriteOutcome recordChange(Connection connection, JdbcTables tables, String kind, AuditEntry entry,
			long expectedRevision) throws SQLException {
		long revision = tables.recordChange(connection, kind, entry, expectedRevision != ANY_REVISION,
				expectedRevision);
		return (revision < 0) ? WriteOutcome.revisionMoved() : WriteOutcome.stored(revision);
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return read("read the audit of '" + key + "'",
				(connection, tables) -> tables.audit(connection, key, limit, toString()));
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return read("read the audit", (connection, tables) -> tables.audit(connection, null, limit, toString()));
	}

	@Override
	protected synchronized void startWatching() {
		if (this.closed) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "flagstaff-jdbc-poll-" + this.prefix);
			thread.setDaemon(true);
			return thread;
		});
		this.poller = executor;
		long millis = this.pollInterval.toMillis();
		executor.scheduleWithFixedDelay(guarded(this::pollRevision), 0, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Wraps background work so that nothing short of a {@link VirtualMachineError} ends
	 * it (a periodic task that throws is never run again): the failure is logged.
	 */
	private Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (VirtualMachineError error) {
				throw error;
			}
			catch (Throwable ex) {
				logger.log(System.Logger.Level.WARNING, "Background work of " + this + " failed; it goes on", ex);
			}
		};
	}

	/**
	 * Queues notifications on the listening thread, which goes straight back to
	 * listening; the poller's thread hands them to the subscribers.
	 */
	private void notified(List<String> payloads) {
		this.payloads.addAll(payloads);
		ScheduledExecutorService executor = this.poller;
		if (executor != null) {
			try {
				executor.execute(guarded(this::deliverNotifications));
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	/**
	 * Hands every notification received so far to the subscribers, consecutive ones
	 * merged into one change, so that a burst costs one read.
	 */
	private void deliverNotifications() {
		List<StoreChange> changes = new ArrayList<>();
		boolean everything = false;
		String payload;
		while ((payload = this.payloads.poll()) != null) {
			StoreChange change = parse(payload);
			if (change != null) {
				changes.add(change);
			}
			everything |= change == null;
		}
		StoreChange.merge(changes).forEach(this::changeAnnounced);
		if (everything) {
			checkRevision();
		}
	}

	/**
	 * Parses {@code <revision> f <key>} or {@code <revision> s <name>}; {@code null} for
	 * anything else (a bare revision: read everything).
	 */
	static @Nullable StoreChange parse(String payload) {
		String[] parts = payload.split(" ", 3);
		if (parts.length != 3 || (!parts[1].equals("f") && !parts[1].equals("s"))) {
			return null;
		}
		long revision;
		try {
			revision = Long.parseLong(parts[0]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return parts[1].equals("f") ? StoreChange.ofFeatures(revision, Set.of(parts[2]))
				: StoreChange.ofSegments(revision);
	}

	private synchronized boolean listening() {
		return this.listener != null;
	}

	private synchronized void startListenerIfNeeded() {
		if (this.notifications && this.listener == null && !this.closed && this.dialect == JdbcDialect.POSTGRESQL) {
			PostgresChangeListener started = new PostgresChangeListener(this.listenerDataSource,
					new JdbcTables(JdbcDialect.POSTGRESQL, this.prefix).channel(), this::notified, this::listenerFailed,
					this::checkRevisionSoon);
			this.listener = started;
			started.start();
		}
	}

	/**
	 * Returns the {@code application_name} of the PostgreSQL listening connection, for
	 * tests.
	 * @return the name, or {@code null} when no listener runs
	 */
	synchronized @Nullable String listenerName() {
		return (this.listener != null) ? this.listener.applicationName() : null;
	}

	/**
	 * Reads the revision; tells subscribers when it moved, or when the store came back.
	 */
	void checkRevision() {
		readRevision(false);
	}

	/**
	 * The poll: while a PostgreSQL listener follows the notifications, a newer revision
	 * counts once a second poll finds it too (its notification may be on its way).
	 */
	private void pollRevision() {
		readRevision(true);
	}

	private void readRevision(boolean poll) {
		if (this.closed) {
			return;
		}
		long current;
		try {
			current = read("read the revision", (connection, tables) -> tables.revision(connection));
		}
		catch (FeatureStoreException ex) {
			fireFailed(ex);
			retrySoon();
			return;
		}
		if (poll && listening()) {
			revisionPolled(current);
		}
		else {
			revisionRead(current);
		}
		startListenerIfNeeded();
	}

	/**
	 * Reads the revision on the poller's thread (after the listener (re)connected).
	 */
	private void checkRevisionSoon() {
		ScheduledExecutorService executor = this.poller;
		if (executor != null) {
			try {
				executor.execute(guarded(this::checkRevision));
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	/**
	 * Reads the revision again soon after a failed read, unless polling does so sooner.
	 */
	private void retrySoon() {
		ScheduledExecutorService executor = this.poller;
		long millis = this.pollInterval.toMillis();
		if (executor == null || millis <= RETRY_MILLIS || !this.retryScheduled.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.schedule(guarded(() -> {
				this.retryScheduled.set(false);
				checkRevision();
			}), RETRY_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private void listenerFailed(Exception failure) {
		fireFailed(new FeatureStoreException(
				"Lost the change-notification connection of " + this + ": " + failure.getMessage() + "; reconnecting",
				failure));
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
		if (this.listener != null) {
			this.listener.close();
		}
	}

	@Override
	public String toString() {
		return "JDBC store " + this.prefix + "documents at " + this.dataSource;
	}

	/**
	 * Builds a {@link JdbcFeatureStore}. Not thread-safe.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private String tablePrefix = "flagstaff_";

		private Duration pollInterval = Duration.ofSeconds(1);

		private boolean notifications = true;

		private boolean createSchema = true;

		private @Nullable JdbcDialect dialect;

		private Clock clock = Clock.systemUTC();

		private @Nullable DataSource listenerDataSource;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		}

		/**
		 * Sets the prefix of the table names (and of the PostgreSQL notification
		 * channel).
		 * @param tablePrefix letters, digits and underscores (default {@code flagstaff_})
		 * @return this builder
		 */
		public Builder tablePrefix(String tablePrefix) {
			this.tablePrefix = checkPrefix(Objects.requireNonNull(tablePrefix, "tablePrefix"));
			return this;
		}

		/**
		 * Sets how often the revision is polled; on PostgreSQL polling only backs up
		 * LISTEN/NOTIFY.
		 * @param pollInterval the interval (default 1 s)
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			Objects.requireNonNull(pollInterval, "pollInterval");
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
			}
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Sets whether to use PostgreSQL LISTEN/NOTIFY (ignored on other databases).
		 * @param notifications whether to listen (default {@code true})
		 * @return this builder
		 */
		public Builder notifications(boolean notifications) {
			this.notifications = notifications;
			return this;
		}

		/**
		 * Sets where the PostgreSQL listening connection comes from, held for as long as
		 * the store follows changes. By default it is one of the data source's: with a
		 * pool, that pool needs two connections for Flagstaff (one held, one borrowed
		 * briefly); given an unpooled source here (for example
		 * {@code PGSimpleDataSource}), one pooled connection is enough.
		 * @param listenerDataSource the source of the listening connection
		 * @return this builder
		 */
		public Builder listenerDataSource(DataSource listenerDataSource) {
			this.listenerDataSource = Objects.requireNonNull(listenerDataSource, "listenerDataSource");
			return this;
		}

		/**
		 * Sets whether the tables are created on first use.
		 * @param createSchema whether to run the DDL (default {@code true})
		 * @return this builder
		 */
		public Builder createSchema(boolean createSchema) {
			this.createSchema = createSchema;
			return this;
		}

		/**
		 * Sets the database dialect instead of detecting it from the connection.
		 * @param dialect the dialect
		 * @return this builder
		 */
		public Builder dialect(JdbcDialect dialect) {
			this.dialect = Objects.requireNonNull(dialect, "dialect");
			return this;
		}

		/**
		 * Sets the clock audit entries are stamped with.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Builds the store; nothing touches the database before the first operation.
		 * @return the store
		 */
		public JdbcFeatureStore build() {
			return new JdbcFeatureStore(this);
		}

	}

}
