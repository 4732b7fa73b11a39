package io.flagstaff.store;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;

/**
 * A store that holds its flags in memory: for tests, demos and flags defined in code.
 * Every change increments the revision and tells the subscribers synchronously, on the
 * changing thread, after the change is visible to {@link #load()}. The store accepts any
 * content; a {@code Flagstaff} rejects invalid content and keeps its last good snapshot.
 * Thread-safe.
 */
public final class InMemoryFeatureStore implements FeatureStore {

	private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

	private FeatureSet features;

	private long revision = 1;

	/**
	 * Creates an empty store.
	 */
	public InMemoryFeatureStore() {
		this(FeatureSet.EMPTY);
	}

	/**
	 * Creates a store holding a set of flags.
	 * @param features the initial content
	 */
	public InMemoryFeatureStore(FeatureSet features) {
		this.features = Objects.requireNonNull(features, "features");
	}

	/**
	 * Creates a store holding some flags.
	 * @param features the flags
	 * @return the store
	 */
	public static InMemoryFeatureStore of(FeatureDefinition... features) {
		return new InMemoryFeatureStore(FeatureSet.of(features));
	}

	@Override
	public synchronized StoreContent load() {
		return new StoreContent(this.features, this.revision);
	}

	/**
	 * Returns the current content.
	 * @return the flags and segments
	 */
	public synchronized FeatureSet features() {
		return this.features;
	}

	/**
	 * Returns the current revision; it starts at 1 and grows by one with each change.
	 * @return the revision
	 */
	public synchronized long revision() {
		return this.revision;
	}

	/**
	 * Replaces the whole content and tells the subscribers.
	 * @param features the new content
	 * @return the new revision
	 */
	public long replace(FeatureSet features) {
		Objects.requireNonNull(features, "features");
		return change((current) -> features);
	}

	/**
	 * Adds or replaces one flag and tells the subscribers.
	 * @param feature the flag
	 * @return the new revision
	 */
	public long put(FeatureDefinition feature) {
		Objects.requireNonNull(feature, "feature");
		return change((current) -> current.with(feature));
	}

	/**
	 * Removes one flag (if present) and tells the subscribers.
	 * @param key the flag key
	 * @return the new revision
	 */
	public long remove(String key) {
		return change((current) -> current.without(key));
	}

	/**
	 * Applies a change to the content atomically and tells the subscribers.
	 * @param change computes the new content from the current one
	 * @return the new revision
	 */
	public long change(UnaryOperator<FeatureSet> change) {
		long newRevision;
		synchronized (this) {
			this.features = Objects.requireNonNull(change.apply(this.features), "changed features");
			newRevision = ++this.revision;
		}
		for (StoreListener listener : this.listeners) {
			listener.changed();
		}
		return newRevision;
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		Objects.requireNonNull(listener, "listener");
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	@Override
	public void close() {
		this.listeners.clear();
	}

}
