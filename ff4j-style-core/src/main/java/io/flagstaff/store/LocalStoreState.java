package io.flagstaff.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * The state of a local store: flags with versions, a revision and the newest audit
 * entries, changed under one lock. A persist callback runs before a change is committed,
 * so a failed file write leaves the state unchanged. Shared by the in-memory and file
 * stores.
 */
final class LocalStoreState {

	static final int AUDIT_CAPACITY = 10_000;

	private FeatureSet set = FeatureSet.EMPTY;

	private final Map<String, Long> versions = new HashMap<>();

	private long revision = 1;

	private final Deque<AuditEntry> audit = new ArrayDeque<>();

	synchronized StoreContent content() {
		return new StoreContent(this.set, this.revision);
	}

	synchronized @Nullable VersionedFeature get(String key) {
		FeatureDefinition feature = this.set.features().get(key);
		return (feature != null) ? new VersionedFeature(feature, this.versions.getOrDefault(key, 0L)) : null;
	}

	/**
	 * Writes one flag provided its version and the revision are the expected ones.
	 * @return the outcome, with the new revision when stored
	 */
	synchronized WriteOutcome write(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision, Consumer<FeatureSet> persist) {
		long actual = this.versions.getOrDefault(key, 0L);
		if (actual != expectedVersion) {
			return WriteOutcome.versionMoved(actual);
		}
		if (!revisionIs(expectedRevision)) {
			return WriteOutcome.revisionMoved();
		}
		FeatureSet changed = (next != null) ? this.set.with(next) : this.set.without(key);
		persist.accept(changed);
		this.set = changed;
		if (next != null) {
			this.versions.put(key, actual + 1);
		}
		else {
			this.versions.remove(key);
		}
		return stored(entry);
	}

	/**
	 * Writes or removes one segment provided the revision is the expected one.
	 * @return the outcome, with the new revision when stored
	 */
	synchronized WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision, Consumer<FeatureSet> persist) {
		if (!revisionIs(expectedRevision)) {
			return WriteOutcome.revisionMoved();
		}
		Map<String, List<Condition>> segments = new LinkedHashMap<>(this.set.segments());
		if (conditions != null) {
			segments.put(name, conditions);
		}
		else {
			segments.remove(name);
		}
		FeatureSet changed = new FeatureSet(segments, this.set.features());
		persist.accept(changed);
		this.set = changed;
		return stored(entry);
	}

	private boolean revisionIs(long expectedRevision) {
		return expectedRevision == AbstractWritableFeatureStore.ANY_REVISION || expectedRevision == this.revision;
	}

	private WriteOutcome stored(AuditEntry entry) {
		this.revision++;
		record(entry);
		return WriteOutcome.stored(this.revision);
	}

	/**
	 * Sets the initial content, keeping revision 1.
	 */
	synchronized void initialize(FeatureSet initial) {
		this.set = Objects.requireNonNull(initial, "initial");
		this.versions.clear();
		initial.features().keySet().forEach((key) -> this.versions.put(key, 1L));
	}

	/**
	 * Replaces the whole content (a reload from outside, or an unaudited change): flags
	 * whose definition changed get a new version, the revision grows by one.
	 * @return what changed, up to the new revision
	 */
	synchronized StoreChange replace(UnaryOperator<FeatureSet> change) {
		FeatureSet next = Objects.requireNonNull(change.apply(this.set), "changed features");
		Set<String> changed = new HashSet<>(this.set.features().keySet());
		changed.removeAll(next.features().keySet());
		for (FeatureDefinition feature : next.features().values()) {
			FeatureDefinition before = this.set.features().get(feature.key());
			if (!feature.equals(before)) {
				this.versions.merge(feature.key(), 1L, Long::sum);
				changed.add(feature.key());
			}
		}
		this.versions.keySet().retainAll(next.features().keySet());
		boolean segments = !next.segments().equals(this.set.segments());
		this.set = next;
		this.revision++;
		return new StoreChange(this.revision - 1, this.revision, changed, segments);
	}

	synchronized void record(AuditEntry entry) {
		this.audit.addFirst(entry);
		if (this.audit.size() > AUDIT_CAPACITY) {
			this.audit.removeLast();
		}
	}

	synchronized List<AuditEntry> audit(@Nullable String key, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("audit limit must not be negative, was " + limit);
		}
		List<AuditEntry> entries = new ArrayList<>();
		for (AuditEntry entry : this.audit) {
			if (entries.size() >= limit) {
				break;
			}
			if (key == null || key.equals(entry.key())) {
				entries.add(entry);
			}
		}
		return entries;
	}

}
