package io.flagstaff.benchmarks;

import org.ff4j.FF4j;
import org.ff4j.core.Feature;
import org.ff4j.core.FlippingExecutionContext;
import org.ff4j.strategy.PonderationStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FF4J 2.0.0 with its in-memory store. Expresses A and B only: B uses
 * {@code PonderationStrategy}, which draws a random number per call (not sticky); FF4J
 * has no built-in strategy for a two-attribute rule (C) and no variants (D).
 */
public class Ff4jBenchmark {

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

	/** The FF4J instance and the pre-built contexts. */
	@State(Scope.Benchmark)
	public static class Lib {

		FF4j ff4j = create();

		FlippingExecutionContext[] contexts = new FlippingExecutionContext[Workload.USERS];

		/** Builds the contexts once. */
		@Setup
		public void setUp() {
			for (int i = 0; i < Workload.USERS; i++) {
				this.contexts[i] = context(i);
			}
		}

	}

	/**
	 * A on a reused context.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Lib lib, Cursor cursor) {
		return lib.ff4j.check(Workload.ON_OFF, lib.contexts[cursor.next()]);
	}

	/**
	 * A with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Lib lib, Cursor cursor) {
		return lib.ff4j.check(Workload.ON_OFF, context(cursor.next()));
	}

	/**
	 * B (random per call, not sticky) on a reused context.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Lib lib, Cursor cursor) {
		return lib.ff4j.check(Workload.ROLLOUT, lib.contexts[cursor.next()]);
	}

	/**
	 * B (random per call, not sticky) with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Lib lib, Cursor cursor) {
		return lib.ff4j.check(Workload.ROLLOUT, context(cursor.next()));
	}

}
