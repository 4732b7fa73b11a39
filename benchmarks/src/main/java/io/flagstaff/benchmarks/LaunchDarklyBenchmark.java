package io.flagstaff.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * LaunchDarkly server SDK 7 with the file data source, events off ({@code noEvents}),
 * diagnostics off, and service endpoints pointed at a closed local port so nothing can
 * reach the network. Expresses A–D: B and D are fallthrough percentage rollouts (sticky,
 * bucketed on the context key), C is a rule with two {@code in} clauses.
 */
public class LaunchDarklyBenchmark extends PeerBenchmark<LDContext> {

	static final String FLAGS = """
			{"flags": {
			  "%1$s": {"key": "%1$s", "version": 1, "on": true, "salt": "%1$s", "variations": [true, false],
			    "offVariation": 1, "fallthrough": {"variation": 0}},
			  "%2$s": {"key": "%2$s", "version": 1, "on": true, "salt": "%2$s", "variations": [true, false],
			    "offVariation": 1, "fallthrough": {"rollout": {"variations": [
			      {"variation": 0, "weight": 50000}, {"variation": 1, "weight": 50000}]}}},
			  "%3$s": {"key": "%3$s", "version": 1, "on": true, "salt": "%3$s", "variations": [true, false],
			    "offVariation": 1, "fallthrough": {"variation": 1}, "rules": [{"id": "region-and-plan", "variation": 0,
			      "clauses": [{"attribute": "region", "op": "in", "values": ["US", "RO"], "negate": false},
			                  {"attribute": "plan", "op": "in", "values": ["premium", "enterprise"], "negate": false}]}]},
			  "%4$s": {"key": "%4$s", "version": 1, "on": true, "salt": "%4$s",
			    "variations": ["control", "one-page", "two-page"], "offVariation": 0,
			    "fallthrough": {"rollout": {"variations": [{"variation": 0, "weight": 50000},
			      {"variation": 1, "weight": 30000}, {"variation": 2, "weight": 20000}]}}}
			}}
			"""
		.formatted(Workload.ON_OFF, Workload.ROLLOUT, Workload.RULE, Workload.VARIANT);

	/**
	 * Builds the offline client of the scenarios.
	 * @return an initialized client; close it when done
	 */
	public static LDClient create() {
		Path file;
		try {
			file = Files.createTempDirectory("flagstaff-bench-ld").resolve("flags.json");
			Files.writeString(file, FLAGS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LDConfig config = new LDConfig.Builder().dataSource(FileData.dataSource().filePaths(file).autoUpdate(false))
			.events(Components.noEvents())
			.diagnosticOptOut(true)
			.serviceEndpoints(Components.serviceEndpoints().relayProxy("http://127.0.0.1:9"))
			.logging(Components.noLogging())
			.startWait(Duration.ofSeconds(10))
			.build();
		LDClient client = new LDClient("sdk-offline-benchmark", config);
		if (!client.isInitialized()) {
			throw new IllegalStateException(
					"LaunchDarkly did not load " + file + "; check the flag JSON in " + "LaunchDarklyBenchmark.FLAGS");
		}
		return client;
	}

	/**
	 * Builds the context of a user, as a request would.
	 * @param index the user
	 * @return a new context
	 */
	public static LDContext context(int index) {
		return LDContext.builder(Workload.id(index))
			.set("region", Workload.region(index))
			.set("plan", Workload.plan(index))
			.build();
	}

	private final LDClient client = create();

	/**
	 * Builds the contexts; the client is built with the benchmark.
	 */
	public LaunchDarklyBenchmark() {
		super(LaunchDarklyBenchmark::context, LDContext[]::new);
	}

	@Override
	protected void close() throws IOException {
		this.client.close();
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.client.boolVariation(Workload.ON_OFF, reused(cursor), false);
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.client.boolVariation(Workload.ON_OFF, context(cursor.next()), false);
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.client.boolVariation(Workload.ROLLOUT, reused(cursor), false);
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.client.boolVariation(Workload.ROLLOUT, context(cursor.next()), false);
	}

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return this.client.boolVariation(Workload.RULE, reused(cursor), false);
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return this.client.boolVariation(Workload.RULE, context(cursor.next()), false);
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		return this.client.stringVariation(Workload.VARIANT, reused(cursor), "none");
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		return this.client.stringVariation(Workload.VARIANT, context(cursor.next()), "none");
	}

}
