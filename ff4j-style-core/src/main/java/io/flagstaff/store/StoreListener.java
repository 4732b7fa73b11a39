package io.flagstaff.store;

/**
 * Told by a {@link FeatureStore} when its content may have changed. Implementations must
 * be thread-safe and return quickly; stores call them from their own threads.
 */
@FunctionalInterface
public interface StoreListener {

	/**
	 * Called after the store's content changed; the listener reloads it.
	 */
	void changed();

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
