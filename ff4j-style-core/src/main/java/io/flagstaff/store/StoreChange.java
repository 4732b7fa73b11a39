package io.flagstaff.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one write, or several consecutive writes, changed in a store: the store moved from
 * one revision to a later one, and these flags were created, changed or deleted. A store
 * announces it so that an evaluator reads only those flags
 * ({@link FeatureStore#load(StoreContent, StoreChange)}) and recompiles only them and the
 * flags that depend on them. A change of segments is structural: the evaluator reads
 * everything then. Immutable.
 *
 * @param fromRevision the store's revision before the change
 * @param toRevision the store's revision after it, greater than {@code fromRevision}
 * @param features the keys of the flags created, changed or deleted
 * @param segments whether segments were written too (everything is read again)
 */
public record StoreChange(long fromRevision, long toRevision, Set<String> features, boolean segments) {

	public StoreChange {
		features = Set.copyOf(Objects.requireNonNull(features, "features"));
		if (toRevision <= fromRevision) {
			throw new IllegalArgumentException(
					"toRevision must be greater than fromRevision, was " + fromRevision + " -> " + toRevision);
		}
	}

	/**
	 * Describes one write of flags, which moved the store's revision by one.
	 * @param revision the store's revision after the write
	 * @param features the flags it created, changed or deleted
	 * @return the change from {@code revision - 1} to {@code revision}
	 */
	public static StoreChange ofFeatures(long revision, Set<String> features) {
		return new StoreChange(revision - 1, revision, features, false);
	}

	/**
	 * Describes one write of a segment, which moved the store's revision by one.
	 * @param revision the store's revision after the write
	 * @return the change from {@code revision - 1} to {@code revision}
	 */
	public static StoreChange ofSegments(long revision) {
		return new StoreChange(revision - 1, revision, Set.of(), true);
	}

	/**
	 * Returns this change followed by a later one that starts where this one ends or
	 * before (the keys of both, this change's start, the later one's end).
	 * @param next the later change
	 * @return the combined change
	 * @throws IllegalArgumentException when {@code next} starts after this change ends (a
	 * revision between them is unaccounted for)
	 */
	public StoreChange then(StoreChange next) {
		if (next.fromRevision > this.toRevision) {
			throw new IllegalArgumentException("change " + next + " does not follow " + this + ": revisions "
					+ this.toRevision + ".." + next.fromRevision + " are missing");
		}
		if (next.toRevision <= this.toRevision) {
			return this;
		}
		Set<String> keys = new HashSet<>(this.features);
		keys.addAll(next.features);
		return new StoreChange(this.fromRevision, next.toRevision, keys, this.segments || next.segments);
	}

	/**
	 * Merges announcements received together, in the order received, so that a burst is
	 * read once: each change that starts where the previous one ends (or before) is
	 * merged into it; one that starts later begins a new change (a revision between them
	 * is unaccounted for, and the listener reads everything).
	 * @param changes the changes, oldest first
	 * @return the merged changes, oldest first
	 */
	public static List<StoreChange> merge(List<StoreChange> changes) {
		List<StoreChange> merged = new ArrayList<>();
		for (StoreChange change : changes) {
			int last = merged.size() - 1;
			if (last >= 0 && change.fromRevision <= merged.get(last).toRevision) {
				merged.set(last, merged.get(last).then(change));
			}
			else {
				merged.add(change);
			}
		}
		return merged;
	}

}
