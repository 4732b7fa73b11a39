package io.flagstaff.benchmarks;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Flagstaff over an in-memory store: scenarios A–D, each on a reused context (the request
 * path: one context per request) and with the context built per call.
 */
public class FlagstaffBenchmark {

	/** The evaluator and the pre-built contexts. */
	@State(Scope.Benchmark)
	public static class Lib {

		Flagstaff flagstaff = FlagstaffScenarios.create();

		FeatureContext[] contexts = FlagstaffScenarios.contexts();

		/** Closes the evaluator. */
		@TearDown
		public void tearDown() {
			this.flagstaff.close();
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
		return lib.flagstaff.isEnabled(Workload.ON_OFF, lib.contexts[cursor.next()]);
	}

	/**
	 * A with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Lib lib, Cursor cursor) {
		return lib.flagstaff.isEnabled(Workload.ON_OFF, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * B on a reused context.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Lib lib, Cursor cursor) {
		return lib.flagstaff.isEnabled(Workload.ROLLOUT, lib.contexts[cursor.next()]);
	}

	/**
	 * B with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Lib lib, Cursor cursor) {
		return lib.flagstaff.isEnabled(Workload.ROLLOUT, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * C on a reused context.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Lib lib, Cursor cursor) {
		return lib.flagstaff.isEnabled(Workload.RULE, lib.contexts[cursor.next()]);
	}

	/**
	 * C with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Lib lib, Cursor cursor) {
		return lib.flagstaff.isEnabled(Workload.RULE, FlagstaffScenarios.context(cursor.next()));
	}

	/**
	 * D on a reused context.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Lib lib, Cursor cursor) {
		String variant = lib.flagstaff.variant(Workload.VARIANT, lib.contexts[cursor.next()]);
		return (variant != null) ? variant : "none";
	}

	/**
	 * D with the context built per call.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Lib lib, Cursor cursor) {
		String variant = lib.flagstaff.variant(Workload.VARIANT, FlagstaffScenarios.context(cursor.next()));
		return (variant != null) ? variant : "none";
	}

}
