package io.flagstaff.benchmarks;

import java.util.function.IntFunction;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The scaffolding every library's benchmark shares: the benchmark instance is the state
 * shared by the benchmark threads (one instance of the library per trial, like an
 * application's), the contexts of the {@link Workload#USERS} users are built once, and
 * the library is released at the end of the trial. A subclass builds its library in a
 * field initializer, passes how to build the context of a user ({@code C}) as a request
 * would, releases the library in {@link #close()}, and writes its {@code @Benchmark}
 * methods as direct calls of the library, so that what is measured is the library's call
 * and nothing of this class: {@code x_reused} asks with {@link #reused(Cursor)},
 * {@code x_built} builds the context in the call.
 *
 * @param <C> the library's context type
 */
@State(Scope.Benchmark)
public abstract class PeerBenchmark<C> {

	private final C[] contexts;

	/**
	 * Builds the context of every user.
	 * @param contextOf builds the context of a user, as a request would
	 * @param arrays creates an array of contexts
	 */
	protected PeerBenchmark(IntFunction<C> contextOf, IntFunction<C[]> arrays) {
		this.contexts = arrays.apply(Workload.USERS);
		for (int i = 0; i < Workload.USERS; i++) {
			this.contexts[i] = contextOf.apply(i);
		}
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

}
