package io.flagstaff.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;

import static org.assertj.core.api.Assertions.fail;

/**
 * Measures how long a flip written through one instance's store takes to reach another
 * instance's evaluator: from the start of the write to the swap of the reader's snapshot.
 * Waiting uses the reader's events with a deadline, never a sleep.
 */
public final class PropagationProbe {

	private PropagationProbe() {
	}

	/**
	 * Flips a flag {@code flips} times and returns each delay in nanoseconds.
	 * @param writer the store of the writing instance
	 * @param reader the reading instance
	 * @param key an existing flag
	 * @param flips how many flips
	 * @return the delays, in flip order
	 * @throws Exception when interrupted or a flip does not arrive within 10 s
	 */
	public static long[] measure(WritableFeatureStore writer, Flagstaff reader, String key, int flips)
			throws Exception {
		BlockingQueue<Long> swaps = new LinkedBlockingQueue<>();
		long[] delays = new long[flips];
		try (AutoCloseable listener = reader.addListener((event) -> {
			if (event instanceof FlagstaffEvent.SnapshotSwapped) {
				swaps.add(System.nanoTime());
			}
		})) {
			for (int i = 0; i < flips; i++) {
				boolean target = !reader.isEnabled(key);
				swaps.clear();
				long start = System.nanoTime();
				if (target) {
					writer.enable(key, "probe");
				}
				else {
					writer.disable(key, "probe");
				}
				long deadline = start + Duration.ofSeconds(10).toNanos();
				while (reader.isEnabled(key) != target) {
					Long swapped = swaps.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (swapped == null && System.nanoTime() >= deadline) {
						fail("flip " + i + " of '" + key + "' did not reach the other instance within 10 s");
					}
				}
				delays[i] = System.nanoTime() - start;
			}
		}
		return delays;
	}

	/**
	 * Prints the median and 99th percentile of the delays.
	 * @param name what was measured
	 * @param delays the delays in nanoseconds
	 * @return the printed line
	 */
	public static String report(String name, long[] delays) {
		long[] sorted = delays.clone();
		Arrays.sort(sorted);
		double p50 = sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6;
		double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
		double max = sorted[sorted.length - 1] / 1e6;
		String line = String.format(java.util.Locale.ROOT,
				"PROPAGATION %s: %d flips, p50 %.2f ms, p99 %.2f ms, max %.2f ms", name, sorted.length, p50, p99, max);
		System.out.println(line);
		return line;
	}

}
