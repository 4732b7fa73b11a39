package io.flagstaff.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.InMemoryFeatureStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Snapshot swaps under two reading threads, a stress check as much as a timing: one
 * writer replaces the store's content, alternating between two consistent configurations
 * (all {@value #PAIRS} flags on, or all off); two readers pin a snapshot and read the
 * first and the last flag. Seeing them differ means a half-built snapshot: the reader
 * throws and the benchmark fails.
 */
public class SnapshotSwapBenchmark {

	/** Flags per configuration. */
	public static final int PAIRS = 64;

	/** The evaluator, its store and the two configurations. */
	@State(Scope.Group)
	public static class Swapping {

		final FeatureSet allOn = configuration(true);

		final FeatureSet allOff = configuration(false);

		InMemoryFeatureStore store;

		Flagstaff flagstaff;

		boolean on = true;

		/** Builds the evaluator over the first configuration. */
		@Setup(Level.Trial)
		public void setUp() {
			this.store = new InMemoryFeatureStore(this.allOn);
			this.flagstaff = Flagstaff.builder(this.store).build();
		}

		/** Closes the evaluator. */
		@TearDown(Level.Trial)
		public void tearDown() {
			this.flagstaff.close();
		}

	}

	/**
	 * Builds a configuration whose flags are all on or all off.
	 * @param on the state of every flag
	 * @return the configuration
	 */
	public static FeatureSet configuration(boolean on) {
		List<FeatureDefinition> features = new ArrayList<>();
		for (int i = 0; i < PAIRS; i++) {
			features.add(FeatureDefinition.builder(key(i)).enabled(on).build());
		}
		return FlagstaffScenarios.set(features);
	}

	static String key(int index) {
		return "pair-" + index;
	}

	/**
	 * Reads the first and last flag of one pinned snapshot and fails loudly if they
	 * differ.
	 * @param snapshot a pinned snapshot
	 * @return the state both flags share
	 * @throws IllegalStateException if the snapshot is half-built
	 */
	public static boolean readConsistently(FeatureSnapshot snapshot) {
		boolean first = snapshot.isEnabled(key(0));
		boolean last = snapshot.isEnabled(key(PAIRS - 1));
		if (first != last) {
			throw new IllegalStateException("half-built snapshot " + snapshot.version() + ": " + key(0) + "=" + first
					+ " but " + key(PAIRS - 1) + "=" + last);
		}
		return first;
	}

	/**
	 * Swaps the store's content to the other configuration.
	 * @param swapping the shared state
	 * @return the new revision
	 */
	@Benchmark
	@Group("swap")
	@GroupThreads(1)
	public long writer(Swapping swapping) {
		swapping.on = !swapping.on;
		return swapping.store.replace(swapping.on ? swapping.allOn : swapping.allOff);
	}

	/**
	 * Pins the current snapshot and checks it is consistent.
	 * @param swapping the shared state
	 * @return the state of the flags
	 */
	@Benchmark
	@Group("swap")
	@GroupThreads(2)
	public boolean reader(Swapping swapping) {
		return readConsistently(swapping.flagstaff.snapshot());
	}

}
