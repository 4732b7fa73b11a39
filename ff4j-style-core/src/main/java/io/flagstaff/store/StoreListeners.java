package io.flagstaff.store;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The subscribers of one {@link AbstractWritableFeatureStore} and what they were told:
 * whether an outage is reported, and the newest revision they heard about.
 * <p>
 * Outage announcements keep their order whichever threads report them (a recovery is
 * never delivered before the failure it ends), yet no lock is held while a subscriber
 * runs: the transition is decided and queued under a short lock, and the queue is drained
 * by one thread at a time, the reporting thread or the one already draining. A subscriber
 * that throws is logged and does not keep the others from hearing. Changes are delivered
 * at once on the reporting thread. A subscriber that throws anything short of a
 * {@link VirtualMachineError} is logged and keeps being told. Thread-safe.
 */
final class StoreListeners {

	private static final System.Logger logger = System.getLogger(StoreListeners.class.getName());

	private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

	private final Object outageLock = new Object();

	/** Written under the outage lock. */
	private volatile boolean down;

	private final Queue<Consumer<StoreListener>> outageEvents = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean delivering = new AtomicBoolean();

	private final Object revisionLock = new Object();

	private long seenRevision = Long.MIN_VALUE;

	private long polledRevision = Long.MIN_VALUE;

	void add(StoreListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	void remove(StoreListener listener) {
		this.listeners.remove(listener);
	}

	void changed() {
		for (StoreListener listener : this.listeners) {
			deliver(StoreListener::changed, listener);
		}
	}

	/**
	 * Tells every subscriber what writes changed; remembers the revision they reached.
	 */
	void announced(StoreChange change) {
		synchronized (this.revisionLock) {
			this.seenRevision = Math.max(this.seenRevision, change.toRevision());
		}
		for (StoreListener listener : this.listeners) {
			deliver((each) -> each.changed(change), listener);
		}
	}

	void failed(Exception failure) {
		synchronized (this.outageLock) {
			if (this.down) {
				return;
			}
			this.down = true;
			this.outageEvents.add((listener) -> listener.failed(failure));
		}
		deliverOutageEvents();
	}

	void recovered() {
		synchronized (this.outageLock) {
			if (this.down) {
				this.down = false;
				this.outageEvents.add(StoreListener::recovered);
			}
			else {
				this.outageEvents.add(StoreListener::changed);
			}
		}
		deliverOutageEvents();
	}

	boolean isDown() {
		return this.down;
	}

	void revisionRead(long revision) {
		boolean moved;
		synchronized (this.revisionLock) {
			moved = revision != this.seenRevision;
			this.seenRevision = revision;
		}
		if (isDown()) {
			recovered();
		}
		else if (moved) {
			changed();
		}
	}

	/**
	 * Like {@link #revisionRead}, for a poll that backs up announcements: a newer
	 * revision counts only once a second poll finds it unchanged, since its announcement
	 * may be on its way; a revision not newer than the last seen, and any revision during
	 * an outage, count at once.
	 */
	void revisionPolled(long revision) {
		boolean settled;
		synchronized (this.revisionLock) {
			settled = revision <= this.seenRevision || revision == this.polledRevision;
			this.polledRevision = revision;
		}
		if (settled || isDown()) {
			revisionRead(revision);
		}
	}

	void revisionAnnounced(long revision) {
		boolean moved;
		synchronized (this.revisionLock) {
			moved = revision > this.seenRevision;
			if (moved) {
				this.seenRevision = revision;
			}
		}
		if (moved) {
			changed();
		}
	}

	/**
	 * Delivers the queued outage announcements unless another thread is delivering them
	 * (it will deliver this one too); re-checks the queue after letting go, so nothing
	 * queued meanwhile is left behind.
	 */
	private void deliverOutageEvents() {
		while (!this.outageEvents.isEmpty() && this.delivering.compareAndSet(false, true)) {
			try {
				Consumer<StoreListener> event;
				while ((event = this.outageEvents.poll()) != null) {
					for (StoreListener listener : this.listeners) {
						deliver(event, listener);
					}
				}
			}
			finally {
				this.delivering.set(false);
			}
		}
	}

	private static void deliver(Consumer<StoreListener> event, StoreListener listener) {
		try {
			event.accept(listener);
		}
		catch (VirtualMachineError error) {
			throw error;
		}
		catch (Throwable ex) {
			logger.log(Level.WARNING, "Store listener " + listener + " failed; it keeps being told of changes", ex);
		}
	}

}
