package io.flagstaff.store.redis;

import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;

/**
 * A writable store in Redis shared by many application instances. Under a configurable
 * key prefix ({@code flagstaff:} by default) it keeps:
 * <ul>
 * <li>{@code <prefix>features}: a hash, field = flag key, value = a versioned envelope
 * {@code {"version":…,"updatedAt":…,"updatedBy":…,"document":{native flag}}};</li>
 * <li>{@code <prefix>segments}: the same for segments;</li>
 * <li>{@code <prefix>revision}: a counter bumped by every write;</li>
 * <li>{@code <prefix>audit} and {@code <prefix>audit:<key>}: the newest audit entries
 * (JSON), capped;</li>
 * <li>the pub/sub channel {@code <prefix>changes}, which announces each new revision with
 * what it changed: {@code <revision> f <flag key>} or {@code <revision> s <segment>} (a
 * bare {@code <revision>}, as older versions publish, means "read everything").</li>
 * </ul>
 * Writes are Lua scripts (run by SHA-1, {@code EVALSHA}): compare-and-set of the version,
 * revision bump, audit and publish in one atomic step. Subscribers are told of changes by
 * pub/sub and read only the changed flags ({@code HMGET}); messages that arrive while
 * they read are merged into one read. After the subscription connection comes back
 * (Lettuce reconnects by itself) the revision is read again, so a change announced while
 * disconnected is not missed (everything is read then); a slow poll of the revision backs
 * this up. Each store holds two connections (commands, pub/sub); stores built from a URI
 * share one set of Lettuce {@link ClientResources} per JVM (threads, event loops, timer)
 * unless given their own ({@link Builder#clientResources}). Thread-safe.
 */
public final class RedisFeatureStore extends AbstractWritableFeatureStore {

	private static final System.Logger logger = System.getLogger(RedisFeatureStore.class.getName());

	private static final int AUDIT_CAPACITY = 10_000;

	/** More changed flags than this are read with everything else. */
	private static final int MAX_KEYS_READ = 1_000;

	private final RedisClient client;

	/**
	 * Released when the store closes: the JVM-wide resources this store's client uses.
	 */
	private final boolean sharesResources;

	private final boolean ownsClient;

	private final String prefix;

	private final Duration pollInterval;

	private @Nullable StatefulRedisConnection<String, String> connection;

	private volatile @Nullable StatefulRedisPubSubConnection<String, String> pubSub;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean closed;

	private final AtomicBoolean retryScheduled = new AtomicBoolean();

	private @Nullable RedisConnectionStateListener stateListener;

	/** Announcements received and not yet handed to subscribers. */
	private final Queue<String> messages = new ConcurrentLinkedQueue<>();

	private RedisFeatureStore(Builder builder, RedisClient client, boolean sharesResources, boolean ownsClient) {
		super(builder.clock);
		this.client = client;
		this.sharesResources = sharesResources;
		this.ownsClient = ownsClient;
		this.prefix = builder.keyPrefix;
		this.pollInterval = builder.pollInterval;
	}

	/**
	 * Starts building a store that connects to a Redis URI, such as
	 * {@code redis://127.0.0.1:6379/0}.
	 * @param uri the URI
	 * @return a builder
	 */
	public static Builder builder(String uri) {
		return new Builder(RedisURI.create(uri), null);
	}

	/**
	 * Starts building a store that connects to a Redis URI built in code, for example
	 * with {@link RedisURI#builder()}: credentials are used as given, with no URI
	 * encoding to get right. The store's client uses this object: do not change it
	 * afterwards.
	 * @param uri the URI
	 * @return a builder
	 */
	public static Builder builder(RedisURI uri) {
		return new Builder(Objects.requireNonNull(uri, "uri"), null);
	}

	/**
	 * Starts building a store over a client the application manages (and closes).
	 * @param client the client
	 * @return a builder
	 */
	public static Builder builder(RedisClient client) {
		return new Builder(null, Objects.requireNonNull(client, "client"));
	}

	/**
	 * Returns the key prefix.
	 * @return the prefix
	 */
	public String keyPrefix() {
		return this.prefix;
	}

	private String key(String name) {
		return this.prefix + name;
	}

	private String channel() {
		return key("changes");
	}

	private synchronized RedisCommands<String, String> commands() {
		if (this.closed) {
			throw new FeatureStoreException(this + " is closed");
		}
		if (this.connection == null) {
			try {
				this.connection = this.client.connect();
			}
			catch (RedisException ex) {
				throw failure("connect", ex);
			}
		}
		return this.connection.sync();
	}

	private FeatureStoreException failure(String what, RuntimeException ex) {
		return new FeatureStoreException(
				"Cannot " + what + " in " + this + ": " + ex.getMessage() + "; check that Redis is reachable", ex);
	}

	@Override
	public StoreContent load() {
		return load(false);
	}

	@Override
	protected StoreContent contentToCheck() {
		return load(true);
	}

	private StoreContent load(boolean readableOnly) {
		List<Object> result;
		try {
			result = RedisScripts.LOAD.run(commands(),
					new String[] { key("revision"), key("features"), key("segments") });
		}
		catch (RedisException ex) {
			throw failure("read the flags", ex);
		}
		FeatureDocumentCodec.Collector collector = new FeatureDocumentCodec.Collector(toString());
		List<?> features = (List<?>) result.get(1);
		for (int i = 0; i + 1 < features.size(); i += 2) {
			String name = (String) features.get(i);
			String value = (String) features.get(i + 1);
			collector.feature(name, document(name, value));
		}
		List<?> segments = (List<?>) result.get(2);
		for (int i = 0; i + 1 < segments.size(); i += 2) {
			String name = (String) segments.get(i);
			String value = (String) segments.get(i + 1);
			collector.segment(name, document(name, value));
		}
		return new StoreContent(readableOnly ? collector.readable() : collector.toFeatureSet(),
				Long.parseLong(String.valueOf(result.get(0))));
	}

	/**
	 * Reads the changed flags alone ({@code HMGET}) with the revision, in one script.
	 * Everything is read when segments changed, when more than 1,000 flags changed, or
	 * when the revision is below the announced one (Redis lost data).
	 */
	@Override
	public StoreContent load(StoreContent held, StoreChange change) {
		if (change.segments() || change.features().size() > MAX_KEYS_READ) {
			return load();
		}
		List<String> keys = List.copyOf(change.features());
		List<Object> result;
		try {
			result = RedisScripts.LOAD_FEATURES.run(commands(), new String[] { key("revision"), key("features") },
					keys.toArray(String[]::new));
		}
		catch (RedisException ex) {
			throw failure("read the changed flags", ex);
		}
		if (Long.parseLong(String.valueOf(result.get(0))) < change.toRevision()) {
			return load();
		}
		Map<String, FeatureDefinition> features = new LinkedHashMap<>(held.features().features());
		List<?> values = (List<?>) result.get(1);
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			if (values.get(i) instanceof String value) {
				features.put(key,
						FeatureDocumentCodec.readFeature(key, document(key, value), this + " flag '" + key + "'"));
			}
			else {
				features.remove(key);
			}
		}
		return new StoreContent(new FeatureSet(held.features().segments(), features), change.toRevision());
	}

	private static String document(String name, String envelope) {
		try {
			return RedisDocuments.document(envelope);
		}
		catch (RuntimeException ex) {
			// handed on as is: the collector reports it as unreadable, with the key
			return envelope;
		}
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		String value;
		try {
			value = commands().hget(key("features"), key);
		}
		catch (RedisException ex) {
			throw failure("read flag '" + key + "'", ex);
		}
		if (value == null) {
			return null;
		}
		String source = this + " flag '" + key + "'";
		FeatureDefinition definition = FeatureDocumentCodec.readFeature(key, document(key, value), source);
		try {
			return new VersionedFeature(definition, RedisDocuments.version(value));
		}
		catch (RuntimeException ex) {
			throw new FeatureStoreException("Unreadable version of " + source + ": " + ex.getMessage()
					+ "; write a valid document for it or delete it directly in Redis", ex);
		}
	}

	@Override
	protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision) {
		String value = (next != null)
				? RedisDocuments.envelope(expectedVersion + 1, FeatureDocumentCodec.writeFeature(next), entry) : "";
		return write("features", key, Long.toString(expectedVersion), value, entry, expectedRevision, "f");
	}

	@Override
	protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision) {
		String value = (conditions != null)
				? RedisDocuments.envelope(1, FeatureDocumentCodec.writeSegment(name, conditions), entry) : "";
		return write("segments", name, "*", value, entry, expectedRevision, "s");
	}

	/**
	 * Runs the compare-and-set script; see {@link RedisScripts#COMPARE_AND_SET} for its
	 * answers.
	 */
	private WriteOutcome write(String hash, String field, String expected, String value, AuditEntry entry,
			long expectedRevision, String kind) {
		List<Object> result;
		try {
			result = RedisScripts.COMPARE_AND_SET.run(commands(),
					new String[] { key(hash), key("revision"), key("audit"), key("audit:" + field) }, field, expected,
					value, RedisDocuments.audit(entry), channel(), Integer.toString(AUDIT_CAPACITY),
					(expectedRevision != ANY_REVISION) ? Long.toString(expectedRevision) : "*", kind);
		}
		catch (RedisException ex) {
			throw failure("write '" + field + "'", ex);
		}
		long status = (Long) result.get(0);
		if (status == 0) {
			return WriteOutcome.versionMoved((Long) result.get(1));
		}
		if (status == 2) {
			return WriteOutcome.revisionMoved();
		}
		return WriteOutcome.stored((Long) result.get(1));
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return auditList(key("audit:" + key), limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return auditList(key("audit"), limit);
	}

	private List<AuditEntry> auditList(String list, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("audit limit must not be negative, was " + limit);
		}
		if (limit == 0) {
			return List.of();
		}
		List<String> values;
		try {
			values = commands().lrange(list, 0, limit - 1);
		}
		catch (RedisException ex) {
			throw failure("read the audit", ex);
		}
		List<AuditEntry> entries = new ArrayList<>();
		for (String value : values) {
			entries.add(RedisDocuments.audit(value, toString()));
		}
		return entries;
	}

	@Override
	protected synchronized void startWatching() {
		if (this.closed) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "flagstaff-redis-" + this.prefix);
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler = executor;
		RedisConnectionStateListener stateListener = new RedisConnectionStateListener() {

			@Override
			public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
			}

			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
				if (!RedisFeatureStore.this.closed && handler == RedisFeatureStore.this.pubSub) {
					execute(() -> fireFailed(new FeatureStoreException("Lost the connection to Redis of "
							+ RedisFeatureStore.this + "; reconnecting, serving the last good flags meanwhile")));
				}
			}

		};
		this.stateListener = stateListener;
		this.client.addListener(stateListener);
		executor.execute(guarded(this::subscribe));
		long millis = this.pollInterval.toMillis();
		executor.scheduleWithFixedDelay(guarded(this::pollRevision), millis, millis, TimeUnit.MILLISECONDS);
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
	 * Hands every announcement received so far to the subscribers, consecutive ones
	 * merged into one change, so that a burst costs one read.
	 */
	private void deliverMessages() {
		List<StoreChange> changes = new ArrayList<>();
		boolean everything = false;
		String message;
		while ((message = this.messages.poll()) != null) {
			StoreChange change = parse(message);
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
	 * anything else (a bare revision from an older version: read everything).
	 */
	static @Nullable StoreChange parse(String message) {
		String[] parts = message.split(" ", 3);
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

	private void subscribe() {
		if (this.closed || this.pubSub != null) {
			return;
		}
		try {
			StatefulRedisPubSubConnection<String, String> subscription = this.client.connectPubSub();
			subscription.addListener(new RedisPubSubAdapter<>() {

				@Override
				public void message(String channel, String message) {
					// never block Lettuce's I/O thread: queue the message, and let the
					// store's thread hand everything queued to the listeners at once
					RedisFeatureStore.this.messages.add(message);
					execute(RedisFeatureStore.this::deliverMessages);
				}

				@Override
				public void subscribed(String channel, long count) {
					// first subscription, or re-subscription after a reconnect: re-read,
					// since announcements made while disconnected are lost
					execute(RedisFeatureStore.this::checkRevision);
				}

			});
			this.pubSub = subscription;
			subscription.sync().subscribe(channel());
		}
		catch (RedisException ex) {
			// a connection whose SUBSCRIBE failed is never re-subscribed by Lettuce's
			// reconnect: drop it and subscribe again on a new one
			StatefulRedisPubSubConnection<String, String> failed = this.pubSub;
			this.pubSub = null;
			if (failed != null) {
				failed.closeAsync();
			}
			fireFailed(failure("subscribe to " + channel(), ex));
			ScheduledExecutorService executor = this.scheduler;
			if (executor != null && !executor.isShutdown()) {
				executor.schedule(guarded(this::subscribe), 500, TimeUnit.MILLISECONDS);
			}
		}
	}

	private void execute(Runnable task) {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null && !executor.isShutdown()) {
			try {
				executor.execute(guarded(task));
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	private void checkRevision() {
		readRevision(false);
	}

	/**
	 * The slow poll that backs up pub/sub: a newer revision counts once a second poll
	 * finds it too (its message may be on its way).
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
			String value = commands().get(key("revision"));
			current = (value != null) ? Long.parseLong(value) : 0;
		}
		catch (RuntimeException ex) {
			fireFailed((ex instanceof FeatureStoreException store) ? store : failure("read the revision", ex));
			retrySoon();
			return;
		}
		if (poll) {
			revisionPolled(current);
		}
		else {
			revisionRead(current);
		}
	}

	private void retrySoon() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null && !executor.isShutdown() && this.retryScheduled.compareAndSet(false, true)) {
			try {
				executor.schedule(guarded(() -> {
					this.retryScheduled.set(false);
					checkRevision();
				}), 250, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		if (this.stateListener != null) {
			this.client.removeListener(this.stateListener);
		}
		if (this.pubSub != null) {
			this.pubSub.close();
		}
		if (this.connection != null) {
			this.connection.close();
		}
		if (this.ownsClient) {
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			if (this.sharesResources) {
				SharedResources.release();
			}
		}
	}

	@Override
	public String toString() {
		return "Redis store " + this.prefix + "*";
	}

	/**
	 * Builds a {@link RedisFeatureStore}. Not thread-safe.
	 */
	public static final class Builder {

		private final @Nullable RedisURI uri;

		private final @Nullable RedisClient client;

		private String keyPrefix = "flagstaff:";

		private Duration commandTimeout = Duration.ofSeconds(2);

		private Duration pollInterval = Duration.ofSeconds(5);

		private Clock clock = Clock.systemUTC();

		private @Nullable ClientResources clientResources;

		private Builder(@Nullable RedisURI uri, @Nullable RedisClient client) {
			this.uri = uri;
			this.client = client;
		}

		/**
		 * Sets the prefix of every key and of the channel.
		 * @param keyPrefix the prefix (default {@code flagstaff:})
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			Objects.requireNonNull(keyPrefix, "keyPrefix");
			if (keyPrefix.isBlank()) {
				throw new IllegalArgumentException("keyPrefix must not be blank; use for example 'flagstaff:'");
			}
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Sets how long a command may take before it fails (only for clients this builder
		 * creates).
		 * @param commandTimeout the timeout (default 2 s)
		 * @return this builder
		 */
		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = positive("commandTimeout", commandTimeout);
			return this;
		}

		/**
		 * Sets how often the revision is polled as a backup of pub/sub.
		 * @param pollInterval the interval (default 5 s)
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = positive("pollInterval", pollInterval);
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
		 * Sets the Lettuce resources (event loops, threads, timer) of the client this
		 * builder creates, for example the application's own; the store does not shut
		 * them down. By default every store built from a URI uses one set of resources
		 * shared in the JVM, shut down when the last of those stores closes. Ignored for
		 * {@link RedisFeatureStore#builder(RedisClient) a client given}.
		 * @param clientResources the resources
		 * @return this builder
		 */
		public Builder clientResources(ClientResources clientResources) {
			this.clientResources = Objects.requireNonNull(clientResources, "clientResources");
			return this;
		}

		/**
		 * Builds the store; it connects on first use, so it can be built while Redis is
		 * down.
		 * @return the store
		 */
		public RedisFeatureStore build() {
			if (this.client != null) {
				return new RedisFeatureStore(this, this.client, false, false);
			}
			boolean shared = this.clientResources == null;
			ClientResources resources = shared ? SharedResources.acquire() : this.clientResources;
			RedisClient created = RedisClient.create(resources, Objects.requireNonNull(this.uri));
			created.setOptions(ClientOptions.builder()
				.autoReconnect(true)
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.timeoutOptions(TimeoutOptions.enabled(this.commandTimeout))
				.build());
			return new RedisFeatureStore(this, created, shared, true);
		}

		private static Duration positive(String name, Duration value) {
			Objects.requireNonNull(value, name);
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

}
