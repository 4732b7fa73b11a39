package io.flagstaff.config;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Runs one target over many generated inputs and keeps the figures the hardening page
 * reports: inputs tried, outcomes by kind, the slowest input and the slowest against the
 * time budget (100 ms per 100 KB, an input under 100 KB counting as 100 KB), in CPU time
 * of the running thread so other load on the machine does not count. An outcome other
 * than success or a {@link FeatureConfigException} is a defect; its first seed is kept.
 * Not thread-safe.
 */
public final class FuzzCampaign {

	/** The time budget, in nanoseconds per 100 KB. */
	public static final long BUDGET_NANOS_PER_100_KB = 100_000_000L;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final String name;

	private final Map<String, Long> outcomes = new TreeMap<>();

	private final Map<String, Long> firstSeeds = new TreeMap<>();

	private long inputs;

	private long bytes;

	private long slowestNanos;

	private int slowestSize;

	private double worstBudgetShare;

	private long worstSeed;

	private int worstSize;

	/**
	 * Creates a campaign.
	 * @param name what it fuzzes, for the report
	 */
	public FuzzCampaign(String name) {
		this.name = name;
	}

	/**
	 * Runs a reader once per seed, timing the read only, then checks what it read.
	 * @param <T> what the reader returns
	 * @param seeds how many inputs, seeded 0, 1, ...
	 * @param input the input of a seed
	 * @param reader what reads it (timed); may throw
	 * @param check what must hold of what was read (not timed); throws on a defect
	 * @return this campaign
	 */
	public <T> FuzzCampaign run(long seeds, LongFunction<String> input, Function<String, T> reader, Consumer<T> check) {
		for (long seed = 0; seed < seeds; seed++) {
			String text = input.apply(seed);
			long start = THREADS.getCurrentThreadCpuTime();
			T read = null;
			String outcome = "read";
			try {
				read = reader.apply(text);
			}
			catch (FeatureConfigException ex) {
				outcome = "refused (FeatureConfigException)";
			}
			catch (Throwable ex) {
				outcome = "DEFECT " + ex.getClass().getName();
			}
			long nanos = THREADS.getCurrentThreadCpuTime() - start;
			if (read != null) {
				try {
					check.accept(read);
				}
				catch (Throwable ex) {
					outcome = "DEFECT after reading: " + ex.getClass().getName();
				}
			}
			record(seed, text.length(), nanos, outcome);
		}
		return this;
	}

	/**
	 * Records one input.
	 * @param seed its seed
	 * @param size its size in characters
	 * @param nanos the CPU time it took
	 * @param outcome what it came to
	 */
	public void record(long seed, int size, long nanos, String outcome) {
		this.inputs++;
		this.bytes += size;
		this.outcomes.merge(outcome, 1L, Long::sum);
		this.firstSeeds.putIfAbsent(outcome, seed);
		if (nanos > this.slowestNanos) {
			this.slowestNanos = nanos;
			this.slowestSize = size;
		}
		double share = nanos / (BUDGET_NANOS_PER_100_KB * Math.max(1.0, size / 100_000.0));
		if (share > this.worstBudgetShare) {
			this.worstBudgetShare = share;
			this.worstSeed = seed;
			this.worstSize = size;
		}
	}

	/**
	 * Returns how many inputs ended in a defect (neither read nor refused).
	 * @return the count
	 */
	public long defects() {
		return this.outcomes.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("DEFECT"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * Returns the largest share of the time budget one input used.
	 * @return 1.0 means exactly the budget
	 */
	public double worstBudgetShare() {
		return this.worstBudgetShare;
	}

	/**
	 * Returns the outcomes by kind, with the first seed of each.
	 * @return the outcomes
	 */
	public Map<String, Long> outcomes() {
		return this.outcomes;
	}

	/**
	 * Returns a Markdown table row: target, inputs, outcomes, slowest input, worst share
	 * of the budget.
	 * @return the row
	 */
	public String row() {
		StringBuilder outcomes = new StringBuilder();
		this.outcomes.forEach((outcome, count) -> outcomes.append((outcomes.length() > 0) ? "; " : "")
			.append(outcome)
			.append(": ")
			.append(count)
			.append(outcome.startsWith("DEFECT") ? " (first seed " + this.firstSeeds.get(outcome) + ")" : ""));
		return String.format(java.util.Locale.ROOT,
				"| %s | %,d | %,d KB | %s | %.1f ms (%,d chars) | %.1f%% (%,d chars, seed %d) |", this.name,
				this.inputs, this.bytes / 1000, outcomes, this.slowestNanos / 1e6, this.slowestSize,
				this.worstBudgetShare * 100, this.worstSize, this.worstSeed);
	}

}
