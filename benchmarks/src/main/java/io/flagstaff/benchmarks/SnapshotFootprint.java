package io.flagstaff.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.InMemoryFeatureStore;

/**
 * Measures the retained heap of a 10,000-flag x 5-rule snapshot: used heap after full GCs
 * before the definitions exist, once the definitions exist, and once an evaluator holds
 * the compiled snapshot. Run by {@code run.sh} in its own JVM ({@code -XX:+UseSerialGC});
 * prints one JSON object and writes it to the path given as the first argument.
 */
public final class SnapshotFootprint {

	private SnapshotFootprint() {
	}

	/**
	 * Runs the measurement.
	 * @param args optional output file
	 * @throws IOException if the output cannot be written
	 */
	public static void main(String[] args) throws IOException {
		long empty = settledHeap();
		FeatureSet set = FlagstaffScenarios.generated(ScaleBenchmark.COMPILE_FLAGS, ScaleBenchmark.COMPILE_RULES);
		InMemoryFeatureStore store = new InMemoryFeatureStore(set);
		long definitions = settledHeap();
		Flagstaff flagstaff = Flagstaff.builder(store).build();
		long compiled = settledHeap();
		String json = String.format(
				"{\"flags\": %d, \"rulesPerFlag\": %d, \"definitionsBytes\": %d, \"compiledSnapshotBytes\": %d, \"totalBytes\": %d}",
				ScaleBenchmark.COMPILE_FLAGS, ScaleBenchmark.COMPILE_RULES, definitions - empty, compiled - definitions,
				compiled - empty);
		if (flagstaff.snapshot().featureKeys().size() != ScaleBenchmark.COMPILE_FLAGS) {
			throw new IllegalStateException("the snapshot lost flags");
		}
		flagstaff.close();
		System.out.println(json);
		if (args.length > 0) {
			Files.writeString(Path.of(args[0]), json + System.lineSeparator());
		}
	}

	private static long settledHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
