package com.example.flags;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.AbstractWritableFeatureStore;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WriteOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A writable store in a key-value service with transactions (see
 * {@link KeyValueService}): one key per flag ({@code features/flag/<key>}) and per
 * segment ({@code features/segment/<name>}) holding its native JSON document, the key's
 * version as the flag's version, the service's revision as the store's revision, and two
 * keys per audit entry ({@code audit/all/<id>}, {@code audit/by-key/<key>/<id>}) written
 * in the same transaction as the change. Changes made through other instances arrive
 * through the service's watch, which names the keys each commit wrote, so subscribers
 * read only the changed flags; a lost connection is reported as an outage and the
 * revision is read again when it is back. Thread-safe.
 */
public final class KeyValueFeatureStore extends AbstractWritableFeatureStore {

	private static final String FEATURES = "features/";

	private static final String FLAG = FEATURES + "flag/";

	private static final String SEGMENT = FEATURES + "segment/";

	private static final String AUDIT = "audit/all/";

	private static final String AUDIT_BY_KEY = "audit/by-key/";

	private final KeyValueService.Client client;

	private volatile @Nullable AutoCloseable watch;

	/**
	 * Creates a store over its own client of the service.
	 * @param client the client, closed with the store
	 * @param clock the clock audit entries are stamped with
	 */
	public KeyValueFeatureStore(KeyValueService.Client client, Clock clock) {
		super(clock);
		this.client = client;
	}

	@Override
	public StoreContent load() {
		return read(false);
	}

	/**
	 * Leaves out the documents that do not read, so one bad document does not block every
	 * write.
	 */
	@Override
	protected StoreContent contentToCheck() {
		return read(true);
	}

	private StoreContent read(boolean readableOnly) {
		KeyValueService.Snapshot snapshot = call("read the flags", () -> this.client.scan(FEATURES));
		FeatureDocumentCodec.Collector collector = new FeatureDocumentCodec.Collector(toString());
		snapshot.entries().forEach((key, entry) -> {
			if (key.startsWith(FLAG)) {
				collector.feature(key.substring(FLAG.length()), entry.value());
			}
			else if (key.startsWith(SEGMENT)) {
				collector.segment(key.substring(SEGMENT.length()), entry.value());
			}
		});
		return new StoreContent(readableOnly ? collector.readable() : collector.toFeatureSet(), snapshot.revision());
	}

	/**
	 * Reads only the flags a watched commit changed (everything after a change of
	 * segments, or when the service is behind the announced revision: it lost data).
	 */
	@Override
	public StoreContent load(StoreContent held, StoreChange change) {
		long revision = call("read the revision", this.client::revision);
		if (change.segments() || revision < change.toRevision()) {
			return load();
		}
		Map<String, FeatureDefinition> features = new LinkedHashMap<>(held.features().features());
		for (String key : change.features()) {
			KeyValueService.Entry entry = call("read flag '" + key + "'", () -> this.client.get(FLAG + key));
			if (entry != null) {
				features.put(key, FeatureDocumentCodec.readFeature(key, entry.value(), this + " flag '" + key + "'"));
			}
			else {
				features.remove(key);
			}
		}
		return new StoreContent(new FeatureSet(held.features().segments(), features), change.toRevision());
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		KeyValueService.Entry entry = call("read flag '" + key + "'", () -> this.client.get(FLAG + key));
		if (entry == null) {
			return null;
		}
		String source = this + " flag '" + key + "'";
		return new VersionedFeature(FeatureDocumentCodec.readFeature(key, entry.value(), source), entry.version());
	}

	@Override
	protected WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision) {
		Map<String, @Nullable String> writes = audited(entry);
		writes.put(FLAG + key, (next != null) ? FeatureDocumentCodec.writeFeature(next) : null);
		long revision = call("write flag '" + key + "'",
				() -> this.client.commit(Map.of(FLAG + key, expectedVersion), revision(expectedRevision), writes));
		if (revision >= 0) {
			return WriteOutcome.stored(revision);
		}
		// the transaction compared both: read which one moved
		KeyValueService.Entry current = call("read flag '" + key + "'", () -> this.client.get(FLAG + key));
		long actual = (current != null) ? current.version() : 0;
		return (actual != expectedVersion) ? WriteOutcome.versionMoved(actual) : WriteOutcome.revisionMoved();
	}

	@Override
	protected WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision) {
		Map<String, @Nullable String> writes = audited(entry);
		writes.put(SEGMENT + name, (conditions != null) ? FeatureDocumentCodec.writeSegment(name, conditions) : null);
		long revision = call("write segment '" + name + "'",
				() -> this.client.commit(Map.of(), revision(expectedRevision), writes));
		return (revision >= 0) ? WriteOutcome.stored(revision) : WriteOutcome.revisionMoved();
	}

	private static OptionalLong revision(long expectedRevision) {
		return (expectedRevision != ANY_REVISION) ? OptionalLong.of(expectedRevision) : OptionalLong.empty();
	}

	private static Map<String, @Nullable String> audited(AuditEntry entry) {
		String id = UUID.randomUUID().toString();
		String document = FeatureDocumentCodec.writeAudit(entry);
		Map<String, @Nullable String> writes = new HashMap<>();
		writes.put(AUDIT + id, document);
		writes.put(auditPrefix(entry.key()) + id, document);
		return writes;
	}

	private static String auditPrefix(String key) {
		return AUDIT_BY_KEY + URLEncoder.encode(key, StandardCharsets.UTF_8) + "/";
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return auditUnder(auditPrefix(key), limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return auditUnder(AUDIT, limit);
	}

	private List<AuditEntry> auditUnder(String prefix, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("audit limit must not be negative, was " + limit);
		}
		return call("read the audit", () -> this.client.scan(prefix)).entries()
			.values()
			.stream()
			.sorted(Comparator.comparingLong(KeyValueService.Entry::createRevision).reversed())
			.limit(limit)
			.map((entry) -> FeatureDocumentCodec.readAudit(entry.value(), toString()))
			.toList();
	}

	@Override
	protected void startWatching() {
		this.watch = this.client.watch(new KeyValueService.Watcher() {

			@Override
			public void changed(long revision, Set<String> keys) {
				changeAnnounced(change(revision, keys));
			}

			@Override
			public void lost(Exception failure) {
				fireFailed(new FeatureStoreException("Lost the connection of " + KeyValueFeatureStore.this + ": "
						+ failure.getMessage() + "; serving the last good flags meanwhile", failure));
			}

			@Override
			public void resumed() {
				checkRevision();
			}

		});
		checkRevision();
	}

	/**
	 * Returns what one commit changed: its flags, and whether it wrote a segment (its
	 * audit keys say nothing). A commit moves the service's revision by one.
	 */
	private static StoreChange change(long revision, Set<String> keys) {
		Set<String> flags = new HashSet<>();
		boolean segments = false;
		for (String key : keys) {
			if (key.startsWith(FLAG)) {
				flags.add(key.substring(FLAG.length()));
			}
			segments |= key.startsWith(SEGMENT);
		}
		return new StoreChange(revision - 1, revision, flags, segments);
	}

	/**
	 * Reads the revision: tells subscribers that the store is back after an outage, or
	 * that the content changed while nobody told.
	 */
	private void checkRevision() {
		try {
			revisionRead(this.client.revision());
		}
		catch (KeyValueService.UnreachableException ex) {
			fireFailed(failure("read the revision", ex));
		}
	}

	private <T> T call(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (KeyValueService.UnreachableException ex) {
			throw failure(what, ex);
		}
	}

	private FeatureStoreException failure(String what, Exception ex) {
		return new FeatureStoreException(
				"Cannot " + what + " in " + this + ": " + ex.getMessage() + "; check that the service is reachable",
				ex);
	}

	@Override
	public void close() {
		try {
			AutoCloseable current = this.watch;
			if (current != null) {
				current.close();
			}
		}
		catch (Exception ex) {
			// closing anyway
		}
		this.client.close();
	}

	@Override
	public String toString() {
		return "key-value store over " + this.client;
	}

}
