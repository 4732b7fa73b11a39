package io.flagstaff.openfeature.conformance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.StoreListener;

/**
 * An in-memory store a test can take down and bring back, telling its subscribers as a
 * real store's connection would. Thread-safe.
 */
public final class OutageStore implements FeatureStore {

	private final InMemoryFeatureStore delegate;

	private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	/**
	 * Creates a store holding flags.
	 * @param features the flags
	 */
	public OutageStore(FeatureSet features) {
		this.delegate = new InMemoryFeatureStore(features);
	}

	/**
	 * Returns the store that holds the flags, to change them.
	 * @return the in-memory store
	 */
	public InMemoryFeatureStore content() {
		return this.delegate;
	}

	@Override
	public StoreContent load() {
		if (this.down) {
			throw new FeatureStoreException("the store is down (taken down by the test)");
		}
		return this.delegate.load();
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		this.listeners.add(listener);
		AutoCloseable inner = this.delegate.subscribe(() -> {
			if (!this.down) {
				listener.changed();
			}
		});
		return () -> {
			this.listeners.remove(listener);
			inner.close();
		};
	}

	/**
	 * Takes the store down and tells the subscribers.
	 */
	public void goDown() {
		this.down = true;
		FeatureStoreException failure = new FeatureStoreException("connection refused (taken down by the test)");
		this.listeners.forEach((listener) -> listener.failed(failure));
	}

	/**
	 * Brings the store back and tells the subscribers.
	 */
	public void comeBack() {
		this.down = false;
		this.listeners.forEach(StoreListener::recovered);
	}

}
