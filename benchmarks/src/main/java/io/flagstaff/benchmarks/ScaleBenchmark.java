package io.flagstaff.benchmarks;

import java.util.concurrent.TimeUnit;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.InMemoryFeatureStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Scale: the cost of one evaluation (a 50% rollout flag, reused context) with 1, 1,000
 * and 100,000 flags in the snapshot, the keys spread over the whole set; and the time to
 * compile a 10,000-flag x 5-rule snapshot (single shot, build to first snapshot).
 */
public class ScaleBenchmark {

	/** Flags generated for the compile benchmark. */
	public static final int COMPILE_FLAGS = 10_000;

	/** Rules per flag for the compile benchmark. */
	public static final int COMPILE_RULES = 5;

	/** A snapshot of a given size. */
	@State(Scope.Benchmark)
	public static class Sized {

		/** Flags in the snapshot. */
		@Param({ "1", "1000", "100000" })
		public int flags;

		Flagstaff flagstaff;

		String[] keys = new String[Workload.USERS];

		FeatureContext[] contexts = FlagstaffScenarios.contexts();

		/** Builds the snapshot and picks 1,024 keys spread over it. */
		@Setup(Level.Trial)
		public void setUp() {
			this.flagstaff = Flagstaff.builder(new InMemoryFeatureStore(FlagstaffScenarios.generated(this.flags, 0)))
				.build();
			for (int i = 0; i < Workload.USERS; i++) {
				this.keys[i] = FlagstaffScenarios.generatedKey((int) ((long) i * 7919 % this.flags));
			}
		}

		/** Closes the evaluator. */
		@TearDown(Level.Trial)
		public void tearDown() {
			this.flagstaff.close();
		}

	}

	/** The definitions of the compile benchmark. */
	@State(Scope.Benchmark)
	public static class Definitions {

		InMemoryFeatureStore store;

		/** Generates the 10,000 x 5 definitions once. */
		@Setup(Level.Trial)
		public void setUp() {
			FeatureSet set = FlagstaffScenarios.generated(COMPILE_FLAGS, COMPILE_RULES);
			this.store = new InMemoryFeatureStore(set);
		}

	}

	/**
	 * One evaluation in a snapshot of {@code flags} flags.
	 * @param sized the snapshot
	 * @param cursor the user and key cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean evaluate(Sized sized, Cursor cursor) {
		int i = cursor.next();
		return sized.flagstaff.isEnabled(sized.keys[i], sized.contexts[i]);
	}

	/**
	 * Loads and compiles 10,000 flags x 5 rules into a first snapshot.
	 * @param definitions the store
	 * @return the number of compiled flags
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public int compile_10k_x5(Definitions definitions) {
		try (Flagstaff flagstaff = Flagstaff.builder(definitions.store).build()) {
			int compiled = flagstaff.snapshot().featureKeys().size();
			if (compiled != COMPILE_FLAGS) {
				throw new IllegalStateException("compiled " + compiled + " flags, expected " + COMPILE_FLAGS);
			}
			return compiled;
		}
	}

}
