package io.flagstaff.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread position in the 1,024 pre-built users, so every operation evaluates a
 * different user. Not thread-safe (one per benchmark thread).
 */
@State(Scope.Thread)
public class Cursor {

	private int index;

	/**
	 * Advances to the next user.
	 * @return the index of the next user, in {@code [0, Workload.USERS)}
	 */
	public int next() {
		this.index = (this.index + 1) & Workload.MASK;
		return this.index;
	}

}
