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
	 * Reads the content after announced writes, given the content before them: a store
	 * that can read single flags reads only {@code change.features()} and returns
	 * {@code held} with those flags replaced (or removed, when the store no longer has
	 * them) at {@code change.toRevision()}; a flag changed again since is read as it is
	 * now (the announcement of that later write follows). A store whose revision is now
	 * below {@code change.toRevision()} (it lost data) returns what it holds, with its
	 * own revision, as {@link #load()} does. The default, for stores that cannot read
	 * single flags, is {@link #load()}.
	 * @param held the content the caller holds, at {@code change.fromRevision()}
	 * @param change the announced writes, without segments (those are read with
	 * {@link #load()})
	 * @return the content at {@code change.toRevision()} or later
	 * @throws FeatureStoreException when the store cannot be read
	 * @throws io.flagstaff.config.FeatureConfigException when a changed flag's document
	 * is invalid
	 */
	default StoreContent load(StoreContent held, StoreChange change) {
		return load();
	}

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
