package io.flagstaff.store;

/**
 * Where flags live: the source of truth a {@code Flagstaff} compiles its snapshots from.
 * Implementations are thread-safe.
 */
public interface FeatureStore extends AutoCloseable {

	/**
	 * Reads everything the store holds.
	 * @return the content and its revision
	 * @throws FeatureStoreException when the store cannot be read
	 * @throws io.flagstaff.config.FeatureConfigException when the content is invalid
	 */
	StoreContent load();

	/**
	 * Subscribes to changes. The default, for stores whose content never changes, does
	 * nothing.
	 * @param listener told about each change
	 * @return a handle that ends the subscription
	 */
	default AutoCloseable subscribe(StoreListener listener) {
		return () -> {
		};
	}

	/**
	 * Releases the store's resources (connections, watchers, threads). The default does
	 * nothing.
	 */
	@Override
	default void close() {
	}

}
