package io.flagstaff.benchmarks;

import java.util.function.Function;
import java.util.function.IntFunction;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the benchmark of every library shares, so that they differ only in how the library
 * is built and asked, and all run on the same harness: one instance of the library per
 * trial (shared by the benchmark threads, like an application's), the contexts of the
 * {@link Workload#USERS} users built once, and scenarios A and B, each on a reused
 * context (the request path: one context per request) and with the context built per
 * call; {@link AllScenariosBenchmark} adds C and D for the libraries that express them. A
 * subclass builds its library in a field initializer, passes how to name a flag to it
 * ({@code F}: usually the key itself) and how to build the context of a user ({@code C}),
 * answers {@link #isEnabled}, and releases the library in {@link #close()}.
 *
 * @param <F> how the library names a flag
 * @param <C> the library's context type
 */
@State(Scope.Benchmark)
public abstract class PeerBenchmark<F, C> {

	private final IntFunction<C> contextOf;

	private final C[] contexts;

	private final F onOff;

	private final F rollout;

	/**
	 * Builds the contexts of every user and resolves the flags.
	 * @param flags turns a flag key of {@link Workload} into what the library takes
	 * @param contextOf builds the context of a user, as a request would
	 * @param arrays creates an array of contexts
	 */
	protected PeerBenchmark(Function<String, F> flags, IntFunction<C> contextOf, IntFunction<C[]> arrays) {
		this.contextOf = contextOf;
		this.contexts = arrays.apply(Workload.USERS);
		for (int i = 0; i < Workload.USERS; i++) {
			this.contexts[i] = contextOf.apply(i);
		}
		this.onOff = flags.apply(Workload.ON_OFF);
		this.rollout = flags.apply(Workload.ROLLOUT);
	}

	/**
	 * Asks the library whether a flag is on for a context.
	 * @param flag the flag
	 * @param context the context
	 * @return the answer
	 */
	protected abstract boolean isEnabled(F flag, C context);

	/**
	 * Releases the library at the end of the trial. The default does nothing.
	 * @throws Exception when the library fails to close
	 */
	protected void close() throws Exception {
	}

	/**
	 * Releases the library.
	 * @throws Exception when the library fails to close
	 */
	@TearDown
	public void tearDown() throws Exception {
		close();
	}

	/**
	 * Returns the pre-built context of the next user.
	 * @param cursor the thread's user cursor
	 * @return the context
	 */
	protected final C reused(Cursor cursor) {
		return this.contexts[cursor.next()];
	}

	/**
	 * Builds the context of the next user.
	 * @param cursor the thread's user cursor
	 * @return a new context
	 */
	protected final C built(Cursor cursor) {
		return this.contextOf.apply(cursor.next());
	}

	/**
	 * A on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_reused(Cursor cursor) {
		return isEnabled(this.onOff, reused(cursor));
	}

	/**
	 * A with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean a_built(Cursor cursor) {
		return isEnabled(this.onOff, built(cursor));
	}

	/**
	 * B on a reused context.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_reused(Cursor cursor) {
		return isEnabled(this.rollout, reused(cursor));
	}

	/**
	 * B with the context built per call.
	 * @param cursor the user cursor
	 * @return the answer
	 */
	@Benchmark
	public boolean b_built(Cursor cursor) {
		return isEnabled(this.rollout, built(cursor));
	}

}
