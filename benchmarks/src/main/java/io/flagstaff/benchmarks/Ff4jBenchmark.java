package io.flagstaff.benchmarks;

import org.ff4j.FF4j;
import org.ff4j.core.Feature;
import org.ff4j.core.FlippingExecutionContext;
import org.ff4j.strategy.PonderationStrategy;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * FF4J 2.0.0 with its in-memory store. Expresses A and B only: B uses
 * {@code PonderationStrategy}, which draws a random number per call (not sticky); FF4J
 * has no built-in strategy for a two-attribute rule (C) and no variants (D).
 */
public class Ff4jBenchmark extends PeerBenchmark<FlippingExecutionContext> {

	/**
	 * Builds the FF4J instance of the scenarios, offline (in-memory store, audit off).
	 * @return a configured instance
	 */
	public static FF4j create() {
		FF4j ff4j = new FF4j();
		ff4j.audit(false);
		ff4j.createFeature(new Feature(Workload.ON_OFF, true));
		Feature rollout = new Feature(Workload.ROLLOUT, true);
		rollout.setFlippingStrategy(new PonderationStrategy(0.5));
		ff4j.createFeature(rollout);
		return ff4j;
	}

	/**
	 * Builds the execution context of a user, as a request would.
	 * @param index the user
	 * @return a new context
	 */
	public static FlippingExecutionContext context(int index) {
		FlippingExecutionContext context = new FlippingExecutionContext();
		context.putString("userId", Workload.id(index));
		context.putString("region", Workload.region(index));
		context.putString("plan", Workload.plan(index));
		return context;
	}

	private final FF4j ff4j = create();

	/**
	 * Builds the contexts; the FF4J instance is built with the benchmark.
	 */
	public Ff4jBenchmark() {
		super(Ff4jBenchmark::context, FlippingExecutionContext[]::new);
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return this.ff4j.check(Workload.ON_OFF, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return this.ff4j.check(Workload.ON_OFF, context(cursor.next()));
	}

	/**
	 * B (random per call, not sticky) on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return this.ff4j.check(Workload.ROLLOUT, reused(cursor));
	}

	/**
	 * B (random per call, not sticky) with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return this.ff4j.check(Workload.ROLLOUT, context(cursor.next()));
	}

}
