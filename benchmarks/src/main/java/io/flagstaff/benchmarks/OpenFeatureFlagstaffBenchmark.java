package io.flagstaff.benchmarks;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.flagstaff.Flagstaff;
import io.flagstaff.openfeature.FlagstaffProvider;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The OpenFeature Java SDK 1.22 with Flagstaff's provider (flagstaff-openfeature) over
 * the scenario flags, on an isolated API instance: the same calls and contexts as
 * {@link OpenFeatureBenchmark}, whose {@code InMemoryProvider} answers with hand-written
 * evaluators, so the difference is the provider.
 */
public class OpenFeatureFlagstaffBenchmark extends PeerBenchmark<EvaluationContext> {

	private final Flagstaff flagstaff = FlagstaffScenarios.create();

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	private final Client client;

	/**
	 * Builds the contexts and registers the provider.
	 */
	public OpenFeatureFlagstaffBenchmark() {
		super(OpenFeatureBenchmark::context, EvaluationContext[]::new);
		this.api.setProviderAndWait(FlagstaffProvider.of(this.flagstaff));
		this.client = this.api.getClient();
	}

	/** Shuts the API instance down and closes the Flagstaff. */
	@Override
	protected void close() {
		this.api.shutdown();
		this.flagstaff.close();
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ON_OFF, false, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ON_OFF, false, OpenFeatureBenchmark.context(cursor.next()));
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ROLLOUT, false, reused(cursor));
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.ROLLOUT, false, OpenFeatureBenchmark.context(cursor.next()));
	}

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return this.client.getBooleanValue(Workload.RULE, false, reused(cursor));
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return this.client.getBooleanValue(Workload.RULE, false, OpenFeatureBenchmark.context(cursor.next()));
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		return this.client.getStringValue(Workload.VARIANT, "none", reused(cursor));
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		return this.client.getStringValue(Workload.VARIANT, "none", OpenFeatureBenchmark.context(cursor.next()));
	}

}
