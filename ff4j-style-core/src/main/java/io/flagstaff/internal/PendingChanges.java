package io.flagstaff.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.flagstaff.store.StoreChange;
import org.jspecify.annotations.Nullable;

/**
 * The store's announcements that arrived and were not applied yet. Whoever applies them
 * takes them all at once, so announcements arriving during a reload are merged into the
 * next one instead of queueing a reload each. Thread-safe.
 */
final class PendingChanges {

	/** What {@link #take} answers when everything must be read again. */
	static final StoreChange EVERYTHING = new StoreChange(Long.MIN_VALUE, Long.MAX_VALUE, java.util.Set.of(), true);

	private boolean everything;

	private final List<StoreChange> changes = new ArrayList<>();

	/**
	 * Records a change the store could not describe: everything is read next.
	 */
	synchronized void everything() {
		this.everything = true;
		this.changes.clear();
	}

	/**
	 * Records an announced change.
	 */
	synchronized void add(StoreChange change) {
		if (!this.everything) {
			this.changes.add(change);
		}
	}

	/**
	 * Takes everything pending, whatever the revisions (a store that diverged counts its
	 * revisions anew).
	 * @return whether anything was pending
	 */
	synchronized boolean takeAll() {
		boolean any = this.everything || !this.changes.isEmpty();
		this.everything = false;
		this.changes.clear();
		return any;
	}

	/**
	 * Takes everything pending.
	 * @param revision the store revision of the content held
	 * @return {@code null} when nothing is left to read (no announcement, or only ones
	 * already applied); {@link #EVERYTHING} when everything must be read (a change the
	 * store could not describe, or a revision no announcement accounts for); else one
	 * change from {@code revision} covering every announced flag
	 */
	synchronized @Nullable StoreChange take(long revision) {
		if (this.everything) {
			this.everything = false;
			return EVERYTHING;
		}
		this.changes.sort(Comparator.comparingLong(StoreChange::fromRevision));
		StoreChange combined = null;
		long reached = revision;
		for (StoreChange change : this.changes) {
			if (change.toRevision() <= reached) {
				continue;
			}
			if (change.fromRevision() > reached) {
				this.changes.clear();
				return EVERYTHING;
			}
			combined = (combined != null) ? combined.then(change)
					: new StoreChange(revision, change.toRevision(), change.features(), change.segments());
			reached = change.toRevision();
		}
		this.changes.clear();
		return combined;
	}

}
