package io.flagstaff.benchmarks;

import java.util.function.Function;
import java.util.function.IntFunction;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * A {@link PeerBenchmark} of a library that expresses every scenario: adds C (the
 * two-attribute rule) and D (the weighted variants), on a reused context and with the
 * context built per call.
 *
 * @param <F> how the library names a flag
 * @param <C> the library's context type
 */
public abstract class AllScenariosBenchmark<F, C> extends PeerBenchmark<F, C> {

	private final F rule;

	private final F variant;

	/**
	 * Builds the contexts of every user and resolves the flags.
	 * @param flags turns a flag key of {@link Workload} into what the library takes
	 * @param contextOf builds the context of a user, as a request would
	 * @param arrays creates an array of contexts
	 */
	protected AllScenariosBenchmark(Function<String, F> flags, IntFunction<C> contextOf, IntFunction<C[]> arrays) {
		super(flags, contextOf, arrays);
		this.rule = flags.apply(Workload.RULE);
		this.variant = flags.apply(Workload.VARIANT);
	}

	/**
	 * Asks the library which variant of a flag a context gets.
	 * @param flag the flag
	 * @param context the context
	 * @return the variant name, never {@code null}
	 */
	protected abstract String variant(F flag, C context);

	/**
	 * C on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_reused(Cursor cursor) {
		return isEnabled(this.rule, reused(cursor));
	}

	/**
	 * C with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean c_built(Cursor cursor) {
		return isEnabled(this.rule, built(cursor));
	}

	/**
	 * D on a reused context.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_reused(Cursor cursor) {
		return variant(this.variant, reused(cursor));
	}

	/**
	 * D with the context built per call.
	 * @param cursor the user cursor
	 * @return the variant name
	 */
	@Benchmark
	public String d_built(Cursor cursor) {
		return variant(this.variant, built(cursor));
	}

}
