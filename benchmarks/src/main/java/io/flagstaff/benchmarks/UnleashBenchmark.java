package io.flagstaff.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.UnleashException;
import io.getunleash.util.UnleashConfig;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Unleash Java SDK 12 (Yggdrasil engine), fully offline: toggles come from a bootstrap
 * string, polling and metrics are disabled, the backup file is a fresh temporary path and
 * any attempt to fetch from the network is counted (and fails). Expresses A–D; B is
 * {@code flexibleRollout} on {@code userId} (sticky), D uses variable variant weights
 * 500/300/200 on {@code userId}.
 */
public class UnleashBenchmark extends PeerBenchmark<UnleashContext> {

	/** How many times the SDK tried to reach the (absent) server; must stay 0. */
	public static final AtomicInteger NETWORK_ATTEMPTS = new AtomicInteger();

	static final String BOOTSTRAP = """
			{"version": 2, "features": [
			  {"name": "%1$s", "enabled": true, "strategies": [{"name": "default", "parameters": {}}]},
			  {"name": "%2$s", "enabled": true, "strategies": [{"name": "flexibleRollout",
			    "parameters": {"rollout": "50", "stickiness": "userId", "groupId": "%2$s"}}]},
			  {"name": "%3$s", "enabled": true, "strategies": [{"name": "default", "parameters": {}, "constraints": [
			    {"contextName": "region", "operator": "IN", "values": ["US", "RO"]},
			    {"contextName": "plan", "operator": "IN", "values": ["premium", "enterprise"]}]}]},
			  {"name": "%4$s", "enabled": true, "strategies": [{"name": "default", "parameters": {}}], "variants": [
			    {"name": "control", "weight": 500, "weightType": "variable", "stickiness": "userId"},
			    {"name": "one-page", "weight": 300, "weightType": "variable", "stickiness": "userId"},
			    {"name": "two-page", "weight": 200, "weightType": "variable", "stickiness": "userId"}]}
			]}
			""".formatted(Workload.ON_OFF, Workload.ROLLOUT, Workload.RULE, Workload.VARIANT);

	/**
	 * Builds the offline Unleash client of the scenarios.
	 * @return a client; shut it down when done
	 */
	public static Unleash create() {
		Path backup;
		try {
			backup = Files.createTempDirectory("flagstaff-bench-unleash").resolve("unleash-backup.json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		UnleashConfig config = UnleashConfig.builder()
			.appName("flagstaff-benchmarks")
			.instanceId("bench")
			.unleashAPI("http://127.0.0.1:9/api/")
			.toggleBootstrapProvider(() -> Optional.of(BOOTSTRAP))
			.backupFile(backup.toString())
			.disablePolling()
			.disableMetrics()
			.synchronousFetchOnInitialisation(false)
			.unleashFeatureFetcherFactory((ignored) -> () -> {
				NETWORK_ATTEMPTS.incrementAndGet();
				throw new UnleashException("benchmarks are offline: no fetch allowed", null);
			})
			.build();
		return new DefaultUnleash(config);
	}

	/**
	 * Builds the context of a user, as a request would.
	 * @param index the user
	 * @return a new context
	 */
	public static UnleashContext context(int index) {
		return UnleashContext.builder()
			.userId(Workload.id(index))
			.addProperty("region", Workload.region(index))
			.addProperty("plan", Workload.plan(index))
			.build();
	}

	private final Unleash unleash = create();

	/**
	 * Builds the contexts; the client is built with the benchmark.
	 */
	public UnleashBenchmark() {
		super(UnleashBenchmark::context, UnleashContext[]::new);
	}

	/** Stops the client's threads and checks it stayed offline. */
	@Override
	protected void close() {
		this.unleash.shutdown();
		if (NETWORK_ATTEMPTS.get() != 0) {
			throw new IllegalStateException("Unleash tried to reach the network " + NETWORK_ATTEMPTS.get()
					+ " times; fix the offline configuration in UnleashBenchmark.create()");
		}
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.unleash.isEnabled(Workload.ON_OFF, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.unleash.isEnabled(Workload.ON_OFF, context(cursor.next()));
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.unleash.isEnabled(Workload.ROLLOUT, reused(cursor));
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.unleash.isEnabled(Workload.ROLLOUT, context(cursor.next()));
	}

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return this.unleash.isEnabled(Workload.RULE, reused(cursor));
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return this.unleash.isEnabled(Workload.RULE, context(cursor.next()));
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		return this.unleash.getVariant(Workload.VARIANT, reused(cursor)).getName();
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		return this.unleash.getVariant(Workload.VARIANT, context(cursor.next())).getName();
	}

}
