package io.flagstaff.store;

import java.time.Clock;
import java.util.List;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * A writable store held in memory: for tests, and as the top layer of a
 * {@link LayeredFeatureStore}. Audit entries are kept in memory (the newest 10,000). Thread-safe.
 */
public class InMemoryFeatureStore extends AbstractWritableFeatureStore {

	private final FeatureTable table = new FeatureTable();

	/**
	 * Creates an empty store stamping audit entries with the UTC system clock.
	 */
	public InMemoryFeatureStore() {
		this(FeatureSet.EMPTY, Clock.systemUTC());
	}

	/**
	 * Creates a store holding the given flags.
	 * @param features the initial content
	 */
	public InMemoryFeatureStore(FeatureSet features) {
		this(features, Clock.systemUTC());
	}

	/**
	 * Creates a store holding the given flags.
	 * @param features the initial content
	 * @param clock the clock audit entries are stamped with
	 */
	public InMemoryFeatureStore(FeatureSet features, Clock clock) {
		super(clock);
		this.table.replace(features);
	}

	/**
	 * Creates a store holding the given flags.
	 * @param features the flags
	 * @return the store
	 */
	public static InMemoryFeatureStore of(FeatureDefinition... features) {
		return new InMemoryFeatureStore(FeatureSet.of(features));
	}

	@Override
	public StoreContent load() {
		return this.table.content();
	}

	/**
	 * Replaces the whole content without auditing and tells subscribers.
	 * @param features the new content
	 */
	public void replace(FeatureSet features) {
		if (this.table.replace(features)) {
			fireChanged();
		}
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		return this.table.get(key);
	}

	@Override
	protected long compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry) {
		long version = this.table.write(key, expectedVersion, next, entry, (set) -> {
		});
		fireChanged();
		return version;
	}

	@Override
	protected boolean writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry) {
		boolean existed = this.table.writeSegment(name, conditions, entry, (set) -> {
		});
		fireChanged();
		return existed;
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return this.table.audit(key, limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.table.audit(null, limit);
	}

	@Override
	public String toString() {
		return "in-memory store";
	}

}
