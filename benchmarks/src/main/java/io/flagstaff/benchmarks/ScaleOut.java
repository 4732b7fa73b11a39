package io.flagstaff.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The scale-out simulation (a program, not a JMH benchmark): N instances, each with its
 * own store and {@code Flagstaff}, in this JVM, over one Redis or PostgreSQL holding F
 * flags; one flag is flipped {@code --changes} times (after {@code --warmup} unmeasured
 * flips) by a separate writer, and for each flip the time until the last instance serves
 * it is taken. Reported per cell: last-instance p50/p99/max, what the store did per
 * change (Redis: commands from {@code INFO commandstats}, bytes sent from
 * {@code total_net_output_bytes}; PostgreSQL: statements, rows and document bytes the
 * instances read, counted on the client side) and the heap each instance holds.
 * {@code benchmarks/scale-out.sh} runs it on private servers; see docs/performance.md.
 * <p>
 * Arguments: {@code --store redis|postgresql} {@code --instances 1,10,50,100}
 * {@code --flags 1,1000,10000} {@code --changes 200} {@code --warmup 20}
 * {@code --redis redis://127.0.0.1:6379} {@code --jdbc jdbc:postgresql://…}
 * {@code --jdbc-user postgres}.
 */
public final class ScaleOut {

	private static final String FLIPPED = "f0";

	private final Map<String, String> options;

	ScaleOut(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * Runs every cell of the grid the arguments name and prints one table row per cell.
	 * @param args the arguments
	 * @throws Exception when a server cannot be used or a flip does not arrive in 30 s
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--store", "redis", "--instances", "1,10,50,100",
				"--flags", "1,1000,10000", "--changes", "200", "--warmup", "20", "--redis", "redis://127.0.0.1:6379",
				"--jdbc", "jdbc:postgresql://127.0.0.1:5432/test", "--jdbc-user", "postgres"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		ScaleOut scaleOut = new ScaleOut(options);
		System.out.println("| store | flags | N | last instance p50 / p99 / max | store work per change "
				+ "| bytes out per change | heap per instance |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String flags : options.get("--flags").split(",")) {
			for (String instances : options.get("--instances").split(",")) {
				System.out.println(scaleOut.run(Integer.parseInt(instances.trim()), Integer.parseInt(flags.trim())));
			}
		}
	}

	/**
	 * Runs one cell.
	 * @param instances N
	 * @param flags F
	 * @return the table row
	 * @throws Exception when a server cannot be used or a flip does not arrive
	 */
	public String run(int instances, int flags) throws Exception {
		String store = this.options.get("--store");
		try (Backend backend = store.equals("redis") ? new RedisBackend(this.options.get("--redis"))
				: new PostgresBackend(this.options.get("--jdbc"), this.options.get("--jdbc-user"))) {
			WritableFeatureStore writer = backend.writer();
			for (int i = 0; i < flags; i++) {
				writer.create(flag("f" + i), "setup");
			}
			long heapBefore = usedHeap();
			List<Flagstaff> fleet = new ArrayList<>();
			Probe probe = new Probe(instances);
			for (int i = 0; i < instances; i++) {
				int index = i;
				Flagstaff flagstaff = Flagstaff.builder(backend.instance()).build();
				flagstaff.addListener((event) -> probe.swapped(index, flagstaff, event));
				fleet.add(flagstaff);
			}
			long heapPerInstance = (usedHeap() - heapBefore) / instances;
			try {
				// the warm-up flips also wait until every instance follows the changes (a
				// listener that was not yet listening catches up by its poll)
				int warmup = Integer.parseInt(this.options.get("--warmup"));
				int changes = Integer.parseInt(this.options.get("--changes"));
				for (int i = 0; i < warmup; i++) {
					probe.flip(writer, fleet.get(0));
				}
				Map<String, Long> before = backend.counters();
				long[] delays = new long[changes];
				for (int i = 0; i < changes; i++) {
					delays[i] = probe.flip(writer, fleet.get(0));
				}
				Map<String, Long> after = backend.counters();
				Arrays.sort(delays);
				return String.format(Locale.ROOT, "| %s | %,d | %d | %.1f / %.1f / %.1f ms | %s | %s | %s |", store,
						flags, instances, millis(delays[changes / 2]),
						millis(delays[(int) Math.ceil(changes * 0.99) - 1]), millis(delays[changes - 1]),
						backend.work(before, after, changes), kilobytes(backend.bytes(before, after) / changes),
						kilobytes(heapPerInstance));
			}
			finally {
				fleet.forEach(Flagstaff::close);
			}
		}
	}

	private static FeatureDefinition flag(String key) {
		return FeatureDefinition.builder(key)
			.description("Generated flag " + key + " of the scale-out simulation")
			.owner("team-" + (key.hashCode() & 7))
			.rule(Rule.serve(
					List.of(new Condition.Attribute("region", Operator.IN, List.of("DE", "RO", "FR"), false, false)),
					true))
			.rollout(50.0)
			.build();
	}

	private static long usedHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static String kilobytes(long bytes) {
		return (bytes >= 10 * 1024 * 1024) ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0)
				: String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

	/**
	 * Flips the flag and measures when the last instance serves the new state.
	 */
	static final class Probe {

		private final int instances;

		private volatile boolean target;

		private volatile CountDownLatch arrived = new CountDownLatch(0);

		private final AtomicLongArray seen;

		Probe(int instances) {
			this.instances = instances;
			this.seen = new AtomicLongArray(instances);
		}

		void swapped(int index, Flagstaff flagstaff, FlagstaffEvent event) {
			if (event instanceof FlagstaffEvent.SnapshotSwapped && enabled(flagstaff) == this.target
					&& this.seen.compareAndSet(index, 0, System.nanoTime())) {
				this.arrived.countDown();
			}
		}

		/**
		 * Returns the master switch of the flipped flag as an instance serves it (its
		 * rollout makes {@code isEnabled} depend on the user).
		 */
		private static boolean enabled(Flagstaff flagstaff) {
			return flagstaff.snapshot().definition(FLIPPED).enabled();
		}

		long flip(WritableFeatureStore writer, Flagstaff any) throws InterruptedException {
			boolean next = !enabled(any);
			for (int i = 0; i < this.instances; i++) {
				this.seen.set(i, 0);
			}
			this.target = next;
			this.arrived = new CountDownLatch(this.instances);
			long start = System.nanoTime();
			if (next) {
				writer.enable(FLIPPED, "scale-out");
			}
			else {
				writer.disable(FLIPPED, "scale-out");
			}
			if (!this.arrived.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(
						"a flip to " + next + " did not reach every instance within 30 s: " + this.arrived.getCount()
								+ " of " + this.instances + " missing; writer sees " + writer.feature(FLIPPED));
			}
			long last = 0;
			for (int i = 0; i < this.instances; i++) {
				last = Math.max(last, this.seen.get(i));
			}
			return last - start;
		}

	}

	/**
	 * One backend for one cell: a fresh key or table prefix, a writer, the instances'
	 * stores, and the server's counters.
	 */
	interface Backend extends AutoCloseable {

		WritableFeatureStore writer();

		WritableFeatureStore instance() throws Exception;

		Map<String, Long> counters() throws Exception;

		String work(Map<String, Long> before, Map<String, Long> after, int changes);

		long bytes(Map<String, Long> before, Map<String, Long> after);

		@Override
		void close() throws java.sql.SQLException;

	}

	static double per(Map<String, Long> before, Map<String, Long> after, String counter, int changes) {
		return (after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L)) / (double) changes;
	}

	/**
	 * Redis: the server's command and byte counters ({@code INFO}); run it on a server of
	 * its own, or other clients' traffic is counted too.
	 */
	static final class RedisBackend implements Backend {

		private final String uri;

		private final String prefix = "scale-out:" + UUID.randomUUID().toString().substring(0, 8) + ":";

		private final RedisClient admin;

		private final StatefulRedisConnection<String, String> connection;

		private final List<RedisFeatureStore> stores = new ArrayList<>();

		RedisBackend(String uri) {
			this.uri = uri;
			this.admin = RedisClient.create(uri);
			this.connection = this.admin.connect();
		}

		private RedisFeatureStore store() {
			RedisFeatureStore store = RedisFeatureStore.builder(this.uri).keyPrefix(this.prefix).build();
			this.stores.add(store);
			return store;
		}

		@Override
		public WritableFeatureStore writer() {
			return this.stores.isEmpty() ? store() : this.stores.get(0);
		}

		@Override
		public WritableFeatureStore instance() {
			return store();
		}

		@Override
		public Map<String, Long> counters() {
			RedisCommands<String, String> redis = this.connection.sync();
			Map<String, Long> counters = new LinkedHashMap<>();
			for (String line : redis.info("commandstats").split("\r?\n")) {
				if (line.startsWith("cmdstat_")) {
					String name = line.substring("cmdstat_".length(), line.indexOf(':'));
					String calls = line.substring(line.indexOf("calls=") + 6,
							line.indexOf(',', line.indexOf("calls=")));
					counters.put(name, Long.parseLong(calls));
				}
			}
			for (String line : redis.info("stats").split("\r?\n")) {
				if (line.startsWith("total_net_output_bytes:")) {
					counters.put("bytes", Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
				}
			}
			return counters;
		}

		@Override
		public String work(Map<String, Long> before, Map<String, Long> after, int changes) {
			return String.format(Locale.ROOT, "%.1f HMGET, %.1f full reads (HGETALL pairs), %.1f EVALSHA, %.1f EVAL",
					per(before, after, "hmget", changes), per(before, after, "hgetall", changes) / 2,
					per(before, after, "evalsha", changes), per(before, after, "eval", changes));
		}

		@Override
		public long bytes(Map<String, Long> before, Map<String, Long> after) {
			return after.get("bytes") - before.get("bytes");
		}

		@Override
		public void close() {
			this.stores.forEach(RedisFeatureStore::close);
			RedisCommands<String, String> redis = this.connection.sync();
			List<String> keys = redis.keys(this.prefix + "*");
			if (!keys.isEmpty()) {
				redis.del(keys.toArray(String[]::new));
			}
			this.connection.close();
			this.admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}

	}

	/**
	 * PostgreSQL: each instance a pool of one connection plus its own listening
	 * connection; what the instances read is counted on the client side
	 * ({@link CountingDataSource}).
	 */
	static final class PostgresBackend implements Backend {

		private final String url;

		private final String user;

		private final String prefix = "scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

		private final HikariDataSource writerPool;

		private final List<HikariDataSource> pools = new ArrayList<>();

		private final List<JdbcFeatureStore> instances = new ArrayList<>();

		private final CountingDataSource.Counters counters = new CountingDataSource.Counters();

		private JdbcFeatureStore writer;

		PostgresBackend(String url, String user) {
			this.url = url;
			this.user = user;
			this.writerPool = pool(2);
		}

		private HikariDataSource pool(int size) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(this.url);
			config.setUsername(this.user);
			config.setMaximumPoolSize(size);
			config.setMinimumIdle(1);
			return new HikariDataSource(config);
		}

		@Override
		public WritableFeatureStore writer() {
			if (this.writer == null) {
				this.writer = JdbcFeatureStore.builder(this.writerPool).tablePrefix(this.prefix).build();
			}
			return this.writer;
		}

		@Override
		public WritableFeatureStore instance() {
			HikariDataSource pool = pool(1);
			this.pools.add(pool);
			PGSimpleDataSource listening = new PGSimpleDataSource();
			listening.setURL(this.url);
			listening.setUser(this.user);
			JdbcFeatureStore store = JdbcFeatureStore.builder(new CountingDataSource(pool, this.counters))
				.tablePrefix(this.prefix)
				.listenerDataSource(listening)
				.pollInterval(Duration.ofSeconds(5))
				.build();
			this.instances.add(store);
			return store;
		}

		@Override
		public Map<String, Long> counters() {
			return this.counters.snapshot();
		}

		@Override
		public String work(Map<String, Long> before, Map<String, Long> after, int changes) {
			return String.format(Locale.ROOT, "%.1f statements, %.1f rows read",
					per(before, after, "statements", changes), per(before, after, "rows", changes));
		}

		@Override
		public long bytes(Map<String, Long> before, Map<String, Long> after) {
			return after.get("bytes") - before.get("bytes");
		}

		@Override
		public void close() throws java.sql.SQLException {
			this.instances.forEach(JdbcFeatureStore::close);
			if (this.writer != null) {
				this.writer.close();
			}
			this.pools.forEach(HikariDataSource::close);
			try (var connection = this.writerPool.getConnection(); var statement = connection.createStatement()) {
				for (String table : List.of("documents", "audit", "revision")) {
					statement.execute("drop table if exists " + this.prefix + table);
				}
			}
			this.writerPool.close();
		}

	}

}
