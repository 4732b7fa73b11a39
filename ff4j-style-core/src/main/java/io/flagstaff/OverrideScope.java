package io.flagstaff;

/**
 * An override layer of its own, visible only to evaluations inside the scope: a test
 * forces flags in a scope, and only the threads that {@link #enter() entered} it (and the
 * work that carries it, such as a request pinned to its {@link #snapshot()}) see those
 * states; every other evaluation of the same {@link Flagstaff} sees the store and the
 * global {@link Flagstaff#overrides() overrides}, as if the scope did not exist. Many
 * scopes can be open on one {@code Flagstaff} at once, each forcing different states.
 *
 * <p>
 * A scope's states win over the global overrides for the same flag. Each change
 * recompiles the scope's snapshot once (so evaluation inside the scope costs what it
 * costs outside), and a store change or a global override recompiles it on first use.
 * Open one with {@link Flagstaff#openScope()}; close it to drop its states everywhere at
 * once. Thread-safe.
 *
 * <pre class="code">
 * try (OverrideScope scope = flagstaff.openScope(); OverrideScope.Entered entered = scope.enter()) {
 *     scope.force("new-checkout", true);
 *     flagstaff.isEnabled("new-checkout", user); // true on this thread only
 * }
 * </pre>
 */
public interface OverrideScope extends FeatureOverrides, AutoCloseable {

	/**
	 * Returns the identifier of this scope: unique among the scopes of its
	 * {@code Flagstaff}, random, and what {@link Flagstaff#scope(String)} finds it by.
	 * @return the identifier
	 */
	String id();

	/**
	 * Returns the snapshot that evaluations inside this scope see: the current snapshot
	 * of the {@code Flagstaff} with this scope's states forced. It carries the version of
	 * the snapshot it derives from.
	 * @return the snapshot; after {@link #close()}, the {@code Flagstaff}'s own snapshot
	 */
	FeatureSnapshot snapshot();

	/**
	 * Makes this scope the current one of its {@code Flagstaff} on the calling thread
	 * until the returned handle is closed (on the same thread), which restores the scope
	 * that was current before. While entered, the {@code Flagstaff}'s evaluation methods
	 * and {@link Flagstaff#snapshot()} on this thread see this scope's states.
	 * @return the handle to close, in a try-with-resources block
	 * @throws IllegalStateException when the scope is closed
	 */
	Entered enter();

	/**
	 * Returns whether the scope is still open.
	 * @return {@code false} once {@link #close()} ran
	 */
	boolean isOpen();

	/**
	 * Closes the scope: its states stop applying everywhere, also on threads that entered
	 * it and have not left yet. Idempotent.
	 */
	@Override
	void close();

	/**
	 * The handle of an {@link #enter() entered} scope.
	 */
	interface Entered extends AutoCloseable {

		/**
		 * Leaves the scope on the thread that entered it, restoring the scope current
		 * before; on another thread, or a second time, does nothing.
		 */
		@Override
		void close();

	}

}
