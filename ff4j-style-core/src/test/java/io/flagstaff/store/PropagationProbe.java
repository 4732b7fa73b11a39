package io.flagstaff.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;

import static org.assertj.core.api.Assertions.fail;

/**
 * Measures how long a flip written through one instance's store takes to reach another
 * instance's evaluator: from the start of the write to the swap of the reader's snapshot,
 * and, separately, how long the write call itself took (its round trips, its check, the
 * writing instance's own reload). A few unmeasured flips warm the code paths up first.
 * Waiting uses the reader's events with a deadline, never a sleep.
 */
public final class PropagationProbe {

	/**
	 * Flips made before measuring, so class loading and the first compilations are not
	 * counted.
	 */
	public static final int WARM_UP = 20;

	private PropagationProbe() {
	}

	/**
	 * The delays of the measured flips, in nanoseconds, in flip order.
	 *
	 * @param total from the start of the write to the reader's swap
	 * @param write the write call alone
	 */
	public record Delays(long[] total, long[] write) {
	}

	/**
	 * Flips a flag {@link #WARM_UP} times, then {@code flips} times measuring each.
	 * @param writer the store of the writing instance
	 * @param reader the reading instance
	 * @param key an existing flag
	 * @param flips how many measured flips
	 * @return the delays
	 * @throws Exception when interrupted or a flip does not arrive within 10 s
	 */
	public static Delays measure(WritableFeatureStore writer, Flagstaff reader, String key, int flips)
			throws Exception {
		BlockingQueue<Long> swaps = new LinkedBlockingQueue<>();
		long[] total = new long[flips];
		long[] write = new long[flips];
		try (AutoCloseable listener = reader.addListener((event) -> {
			if (event instanceof FlagstaffEvent.SnapshotSwapped) {
				swaps.add(System.nanoTime());
			}
		})) {
			for (int i = -WARM_UP; i < flips; i++) {
				boolean target = !reader.isEnabled(key);
				swaps.clear();
				long start = System.nanoTime();
				if (target) {
					writer.enable(key, "probe");
				}
				else {
					writer.disable(key, "probe");
				}
				long written = System.nanoTime();
				long deadline = start + Duration.ofSeconds(10).toNanos();
				while (reader.isEnabled(key) != target) {
					Long swapped = swaps.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (swapped == null && System.nanoTime() >= deadline) {
						fail("flip " + i + " of '" + key + "' did not reach the other instance within 10 s");
					}
				}
				if (i >= 0) {
					total[i] = System.nanoTime() - start;
					write[i] = written - start;
				}
			}
		}
		return new Delays(total, write);
	}

	/**
	 * Prints the median, 99th percentile and maximum of the delays, with the time and the
	 * machine's load average.
	 * @param name what was measured
	 * @param delays the delays
	 * @return the printed line
	 */
	public static String report(String name, Delays delays) {
		long[] after = new long[delays.total().length];
		for (int i = 0; i < after.length; i++) {
			after[i] = delays.total()[i] - delays.write()[i];
		}
		String line = String.format(Locale.ROOT,
				"PROPAGATION %s: %d flips (after %d warm-up), %s; write call alone %s; after the write returned %s"
						+ "; at %s, load average %s",
				name, delays.total().length, WARM_UP, percentiles(delays.total()), percentiles(delays.write()),
				percentiles(after), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), loadAverage());
		System.out.println(line);
		return line;
	}

	private static String percentiles(long[] delays) {
		long[] sorted = delays.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
				sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
				sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
