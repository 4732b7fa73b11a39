package io.flagstaff.benchmarks;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.store.InMemoryFeatureStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of usage statistics: scenarios A and B on a reused context, with usage
 * statistics on (the default, as in production) and off
 * ({@code Flagstaff.Builder.usageStatistics(false)}).
 */
public class UsageBenchmark {

	/** Two evaluators over the scenario flags: one counting usage, one not. */
	@State(Scope.Benchmark)
	public static class Lib {

		Flagstaff counting = Flagstaff
			.builder(new InMemoryFeatureStore(FlagstaffScenarios.set(FlagstaffScenarios.scenarioFlags())))
			.build();

		Flagstaff notCounting = Flagstaff
			.builder(new InMemoryFeatureStore(FlagstaffScenarios.set(FlagstaffScenarios.scenarioFlags())))
			.usageStatistics(false)
			.build();

		FeatureContext[] contexts = FlagstaffScenarios.contexts();

		/** Closes the evaluators. */
		@TearDown
		public void tearDown() {
			this.counting.close();
			this.notCounting.close();
		}

	}

	/**
	 * B on a reused context, usage statistics on.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean statsOn(Lib lib, Cursor cursor) {
		return lib.counting.isEnabled(Workload.ROLLOUT, lib.contexts[cursor.next()]);
	}

	/**
	 * B on a reused context, usage statistics off.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean statsOff(Lib lib, Cursor cursor) {
		return lib.notCounting.isEnabled(Workload.ROLLOUT, lib.contexts[cursor.next()]);
	}

	/**
	 * A on a reused context, usage statistics on.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean statsOnA(Lib lib, Cursor cursor) {
		return lib.counting.isEnabled(Workload.ON_OFF, lib.contexts[cursor.next()]);
	}

	/**
	 * A on a reused context, usage statistics off.
	 * @param lib the library
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean statsOffA(Lib lib, Cursor cursor) {
		return lib.notCounting.isEnabled(Workload.ON_OFF, lib.contexts[cursor.next()]);
	}

}
