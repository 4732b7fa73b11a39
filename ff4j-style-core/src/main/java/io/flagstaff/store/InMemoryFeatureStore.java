package io.flagstaff.store;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * A store that holds its flags in memory: for tests, demos, flags defined in code, and as
 * the top layer of a {@link LayeredFeatureStore}. Every change increments the revision
 * and tells the subscribers synchronously, on the changing thread, after the change is
 * visible to {@link #load()}. The audited {@link WritableFeatureStore} operations are
 * checked like every store's; besides them it offers unaudited, unchecked shortcuts for
 * tests ({@link #put}, {@link #remove}, {@link #replace}, {@link #change}), which accept
 * any content (a {@code Flagstaff} rejects invalid content and keeps its last good
 * snapshot). Audit entries are kept in memory (the newest 10,000). Thread-safe.
 */
public final class InMemoryFeatureStore extends AbstractWritableFeatureStore {

	private final LocalStoreState state = new LocalStoreState();

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
		this(features, Clock.systemUTC());
	}

	/**
	 * Creates a store holding a set of flags.
	 * @param features the initial content
	 * @param clock the clock audit entries are stamped with
	 */
	public InMemoryFeatureStore(FeatureSet features, Clock clock) {
		super(clock);
		this.state.initialize(Objects.requireNonNull(features, "features"));
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
	public StoreContent load() {
		return this.state.content();
	}

	/**
	 * Returns the current content.
	 * @return the flags and segments
	 */
	public FeatureSet features() {
		return this.state.content().features();
	}

	/**
	 * Returns the current revision; it starts at 1 and grows by one with each change.
	 * @return the revision
	 */
	public long revision() {
		return this.state.content().revision();
	}

	/**
	 * Replaces the whole content, without auditing, and tells the subscribers.
	 * @param features the new content
	 * @return the new revision
	 */
	public long replace(FeatureSet features) {
		Objects.requireNonNull(features, "features");
		return change((current) -> features);
	}

	/**
	 * Adds or replaces one flag, without auditing or version check, and tells the
	 * subscribers.
	 * @param feature the flag
	 * @return the new revision
	 */
	public long put(FeatureDefinition feature) {
		Objects.requireNonNull(feature, "feature");
		return change((current) -> current.with(feature));
	}

	/**
	 * Removes one flag (if present), without auditing, and tells the subscribers.
	 * @param key the flag key
	 * @return the new revision
	 */
	public long remove(String key) {
		return change((current) -> current.without(key));
	}

	/**
	 * Applies a change to the content atomically, without auditing, and tells the
	 * subscribers.
	 * @param change computes the new content from the current one
	 * @return the new revision
	 */
	public long change(UnaryOperator<FeatureSet> change) {
		StoreChange changed = this.state.replace(change);
		changeAnnounced(changed);
		return changed.toRevision();
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		return this.state.get(key);
	}

	@Override
	protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision) {
		return this.state.write(key, expectedVersion, next, entry, expectedRevision, (set) -> {
		});
	}

	@Override
	protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision) {
		return this.state.writeSegment(name, conditions, entry, expectedRevision, (set) -> {
		});
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return this.state.audit(key, limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.state.audit(null, limit);
	}

	@Override
	public String toString() {
		return "in-memory store";
	}

}
