package io.flagstaff.benchmarks;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Flagstaff over an in-memory store: scenarios A–D, each on a reused context (the request
 * path: one context per request) and with the context built per call.
 */
public class FlagstaffBenchmark extends PeerBenchmark<FeatureContext> {

	private final Flagstaff flagstaff = FlagstaffScenarios.create();

	/**
	 * Builds the contexts; the evaluator is built with the benchmark.
	 */
	public FlagstaffBenchmark() {
		super(FlagstaffScenarios::context, FeatureContext[]::new);
	}

	@Override
	protected void close() {
		this.flagstaff.close();
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ON_OFF, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ON_OFF, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ROLLOUT, reused(cursor));
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.ROLLOUT, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.RULE, reused(cursor));
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return this.flagstaff.isEnabled(Workload.RULE, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		String variant = this.flagstaff.variant(Workload.VARIANT, reused(cursor));
		return (variant != null) ? variant : "none";
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		String variant = this.flagstaff.variant(Workload.VARIANT, FlagstaffScenarios.context(cursor.next()));
		return (variant != null) ? variant : "none";
	}

}
