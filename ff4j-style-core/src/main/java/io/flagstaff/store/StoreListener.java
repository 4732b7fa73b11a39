package io.flagstaff.store;

/**
 * Told by a {@link FeatureStore} when its content may have changed. Implementations must
 * be thread-safe and return quickly; stores call them from their own threads.
 * <p>
 * A store that knows what changed calls {@link #changed(StoreChange)}, so the listener
 * can read only the changed flags; one that does not (a file edited by hand, a poll that
 * found a new revision, a reconnect) calls {@link #changed()}, and the listener reads
 * everything. A listener that only implements {@link #changed()} reads everything in both
 * cases.
 */
@FunctionalInterface
public interface StoreListener {

	/**
	 * Called after the store's content changed in a way the store cannot describe; the
	 * listener reloads all of it.
	 */
	void changed();

	/**
	 * Called after writes changed the store, with what they changed. The default reloads
	 * everything ({@link #changed()}).
	 * @param change the revisions and the flags the writes changed
	 */
	default void changed(StoreChange change) {
		changed();
	}

	/**
	 * Called when the store became unreachable or failed to read its content.
	 * @param failure what went wrong
	 */
	default void failed(Exception failure) {
	}

	/**
	 * Called when an unreachable store is reachable again (the listener reloads it).
	 */
	default void recovered() {
		changed();
	}

}
