package io.flagstaff.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Kill;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The shared logic of writable stores: validation, read-modify-write with optimistic
 * retries, audit entries and listener bookkeeping. A subclass supplies reading one flag
 * and an atomic compare-and-set write that records the audit entry together with the
 * change. Thread-safe when the subclass's primitives are.
 * <p>
 * Every write except a switch-off is checked before it is stored: the whole set the write
 * would leave is compiled as the evaluator compiles it, and a write that adds a problem
 * (a rollout of 150, a prerequisite or segment nobody defines, a prerequisite cycle,
 * deleting a flag others require, a weight for a variant the flag lacks) fails with a
 * {@link FeatureConfigException} naming each problem's path and fix; nothing is stored
 * and nothing is audited. Problems the stored set already had do not block unrelated
 * writes. The write is stored only if the store's revision is still the one it was
 * checked against, so two writes that are each valid cannot together leave an invalid
 * set.
 */
public abstract class AbstractWritableFeatureStore implements WritableFeatureStore {

	/**
	 * The expected revision of a write that was not checked against the content (a
	 * switch-off): it is stored whatever the revision.
	 */
	protected static final long ANY_REVISION = Long.MIN_VALUE;

	private static final int MAX_ATTEMPTS = 100;

	private final Clock clock;

	private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean down = new AtomicBoolean();

	/**
	 * Orders the outage announcements: a recovery is never delivered before the failure
	 * it ends, whichever threads report them.
	 */
	private final Object outageLock = new Object();

	private final AtomicBoolean watching = new AtomicBoolean();

	private final Object revisionLock = new Object();

	private long seenRevision = Long.MIN_VALUE;

	/**
	 * Creates the store.
	 * @param clock the clock audit entries are stamped with
	 */
	protected AbstractWritableFeatureStore(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Returns the clock audit entries are stamped with.
	 * @return the clock
	 */
	protected final Clock clock() {
		return this.clock;
	}

	/**
	 * Writes one flag atomically, together with its audit entry, provided its stored
	 * version is {@code expectedVersion}, then announces the change.
	 * @param key the flag key
	 * @param expectedVersion the version the caller read (0: the flag must not exist)
	 * @param next the new definition, or {@code null} to delete the flag
	 * @param entry the audit entry to record
	 * @param expectedRevision the store revision the write was checked against, or
	 * {@link #ANY_REVISION} when it was not checked
	 * @return the new version (0 after a delete)
	 * @throws FeatureConflictException when the stored version differs (checked first)
	 * @throws RevisionMovedException when the stored version is the expected one but the
	 * store's revision is not
	 */
	protected abstract long compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision);

	/**
	 * Writes or removes one segment together with its audit entry, then announces the
	 * change.
	 * @param name the segment name
	 * @param conditions the conditions, or {@code null} to remove it
	 * @param entry the audit entry to record
	 * @param expectedRevision the store revision the write was checked against
	 * @return whether the segment existed before
	 * @throws RevisionMovedException when the store's revision is not the expected one
	 */
	protected abstract boolean writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision);

	/**
	 * Starts whatever follows the store's changes (watchers, listeners, pollers). Called
	 * once, on the first subscription. The default does nothing: local writes call
	 * {@link #fireChanged()}.
	 */
	protected void startWatching() {
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		if (this.watching.compareAndSet(false, true)) {
			startWatching();
		}
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Tells every subscriber that the content changed.
	 */
	protected final void fireChanged() {
		for (StoreListener listener : this.listeners) {
			listener.changed();
		}
	}

	/**
	 * Tells every subscriber, once per outage, that the store became unreachable.
	 * @param failure what went wrong
	 */
	protected final void fireFailed(Exception failure) {
		synchronized (this.outageLock) {
			if (this.down.compareAndSet(false, true)) {
				for (StoreListener listener : this.listeners) {
					listener.failed(failure);
				}
			}
		}
	}

	/**
	 * Tells every subscriber that the store is reachable again (they reload), or that the
	 * content changed when no outage was reported.
	 */
	protected final void fireRecovered() {
		synchronized (this.outageLock) {
			if (this.down.compareAndSet(true, false)) {
				for (StoreListener listener : this.listeners) {
					listener.recovered();
				}
				return;
			}
		}
		fireChanged();
	}

	/**
	 * Tells subscribers about a revision read from the store (a poll, a check after a
	 * reconnect): that the store is back when an outage was reported, otherwise that the
	 * content changed when the revision differs from the last one seen.
	 * @param revision the revision just read
	 */
	protected final void revisionRead(long revision) {
		boolean moved;
		synchronized (this.revisionLock) {
			moved = revision != this.seenRevision;
			this.seenRevision = revision;
		}
		if (isDown()) {
			fireRecovered();
		}
		else if (moved) {
			fireChanged();
		}
	}

	/**
	 * Tells subscribers that the content changed when an announced revision (a
	 * notification, a local write) is newer than the last one seen; an older or repeated
	 * announcement is ignored.
	 * @param revision the announced revision
	 */
	protected final void revisionAnnounced(long revision) {
		boolean moved;
		synchronized (this.revisionLock) {
			moved = revision > this.seenRevision;
			if (moved) {
				this.seenRevision = revision;
			}
		}
		if (moved) {
			fireChanged();
		}
	}

	/**
	 * Returns whether an outage was reported and not yet recovered.
	 * @return whether the store is considered down
	 */
	protected final boolean isDown() {
		return this.down.get();
	}

	@Override
	public VersionedFeature create(FeatureDefinition feature, String actor) {
		Objects.requireNonNull(feature, "feature");
		String key = feature.key();
		AuditEntry entry = entry(key, AuditAction.CREATE, actor, null, feature, null);
		// an existing key is left to the compare-and-set, which reports the conflict
		return checked(describe("creating flag", key, actor),
				(before) -> before.features().containsKey(key) ? before : before.with(feature),
				(revision) -> new VersionedFeature(feature, compareAndSet(key, 0, feature, entry, revision)));
	}

	@Override
	public VersionedFeature update(FeatureDefinition feature, long expectedVersion, String actor) {
		Objects.requireNonNull(feature, "feature");
		String key = feature.key();
		requireActor(key, actor);
		VersionedFeature current = feature(key);
		long actual = (current != null) ? current.version() : 0;
		if (actual != expectedVersion || current == null) {
			throw new FeatureConflictException(key, expectedVersion, actual);
		}
		AuditEntry entry = entry(key, AuditAction.UPDATE, actor, current.definition(), feature, null);
		return checked(describe("updating flag", key, actor), (before) -> before.with(feature),
				(revision) -> new VersionedFeature(feature,
						compareAndSet(key, expectedVersion, feature, entry, revision)));
	}

	@Override
	public boolean delete(String key, String actor) {
		requireActor(key, actor);
		for (int attempt = 1;; attempt++) {
			VersionedFeature current = feature(key);
			if (current == null) {
				return false;
			}
			AuditEntry entry = entry(key, AuditAction.DELETE, actor, current.definition(), null, null);
			try {
				checked(describe("deleting flag", key, actor), (before) -> before.without(key),
						(revision) -> compareAndSet(key, current.version(), null, entry, revision));
				return true;
			}
			catch (FeatureConflictException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	@Override
	public VersionedFeature enable(String key, String actor) {
		return modify(key, AuditAction.ENABLE, actor, null,
				(feature) -> feature.toBuilder().enabled(true).killed(null).build());
	}

	@Override
	public VersionedFeature disable(String key, String actor) {
		return modify(key, AuditAction.DISABLE, actor, null, (feature) -> feature.toBuilder().enabled(false).build());
	}

	@Override
	public VersionedFeature disable(String key, Kill kill, String actor) {
		Objects.requireNonNull(kill, "kill");
		return modify(key, AuditAction.KILL, actor, kill.reason(),
				(feature) -> feature.toBuilder().enabled(false).killed(kill).build());
	}

	@Override
	public VersionedFeature setRollout(String key, @Nullable Double percentage, String actor) {
		return modify(key, AuditAction.SET_ROLLOUT, actor, null,
				(feature) -> feature.toBuilder().rollout(percentage).build());
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor) {
		return setVariantWeights(key, weights, actor, null);
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor,
			@Nullable String reason) {
		Map<String, Integer> copy = Map.copyOf(weights);
		return modify(key, AuditAction.SET_VARIANT_WEIGHTS, actor, reason,
				(feature) -> withWeights(feature, copy, describe("setting variant weights of flag", key, actor)));
	}

	private static FeatureDefinition withWeights(FeatureDefinition feature, Map<String, Integer> weights,
			String source) {
		String path = "features." + feature.key() + ".variants";
		List<String> names = feature.variants().stream().map(VariantDefinition::name).toList();
		List<ConfigProblem> problems = new ArrayList<>();
		new TreeMap<>(weights).forEach((name, weight) -> {
			if (!names.contains(name)) {
				problems.add(new ConfigProblem(path + "." + name, "flag '" + feature.key() + "' has no variant '" + name
						+ "'; " + (names.isEmpty() ? "it defines no variants" : "use one of " + names)));
			}
			else if (weight < 0) {
				problems.add(new ConfigProblem(path + "." + name + ".weight",
						"must not be negative, was " + weight + "; use 0 to take the variant out of rotation"));
			}
		});
		if (!problems.isEmpty()) {
			throw new FeatureConfigException(source, problems);
		}
		List<VariantDefinition> variants = new ArrayList<>();
		for (VariantDefinition variant : feature.variants()) {
			Integer weight = weights.get(variant.name());
			variants.add((weight != null)
					? new VariantDefinition(variant.name(), weight, variant.value(), variant.overrides()) : variant);
		}
		return feature.toBuilder().variants(variants).build();
	}

	@Override
	public void putSegment(String name, List<Condition> conditions, String actor) {
		Objects.requireNonNull(name, "name");
		List<Condition> copy = List.copyOf(conditions);
		AuditEntry entry = entry(name, AuditAction.PUT_SEGMENT, actor, null, null, copy.size() + " condition(s)");
		checked(describe("writing segment", name, actor), (before) -> withSegment(before, name, copy),
				(revision) -> writeSegment(name, copy, entry, revision));
	}

	@Override
	public boolean deleteSegment(String name, String actor) {
		Objects.requireNonNull(name, "name");
		AuditEntry entry = entry(name, AuditAction.DELETE_SEGMENT, actor, null, null, null);
		return checked(describe("deleting segment", name, actor), (before) -> withSegment(before, name, null),
				(revision) -> writeSegment(name, null, entry, revision));
	}

	private static FeatureSet withSegment(FeatureSet set, String name, @Nullable List<Condition> conditions) {
		Map<String, List<Condition>> segments = new LinkedHashMap<>(set.segments());
		if (conditions != null) {
			segments.put(name, conditions);
		}
		else {
			segments.remove(name);
		}
		return new FeatureSet(segments, set.features());
	}

	private VersionedFeature modify(String key, AuditAction action, String actor, @Nullable String reason,
			UnaryOperator<FeatureDefinition> change) {
		requireActor(key, actor);
		for (int attempt = 1;; attempt++) {
			VersionedFeature current = feature(key);
			if (current == null) {
				throw new FeatureNotFoundException(key,
						"No flag '" + key + "' in " + this + "; create it before changing it");
			}
			FeatureDefinition next = change.apply(current.definition());
			AuditEntry entry = entry(key, action, actor, current.definition(), next, reason);
			try {
				if (action == AuditAction.DISABLE || action == AuditAction.KILL) {
					// switching off never makes a set invalid, and a kill must work even
					// when the stored set has problems
					return new VersionedFeature(next, compareAndSet(key, current.version(), next, entry, ANY_REVISION));
				}
				return checked(
						describe(action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of flag", key, actor),
						(before) -> before.with(next), (revision) -> new VersionedFeature(next,
								compareAndSet(key, current.version(), next, entry, revision)));
			}
			catch (FeatureConflictException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Checks a write on the content it changes and stores it provided that content is
	 * still current, re-reading and checking again while other writes get in between.
	 */
	private <T> T checked(String source, UnaryOperator<FeatureSet> change, LongFunction<T> write) {
		for (int attempt = 1;; attempt++) {
			StoreContent content = contentToCheck();
			WriteCheck.check(this, content.features(), change.apply(content.features()), source);
			try {
				return write.apply(content.revision());
			}
			catch (RevisionMovedException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw new FeatureStoreException("Gave up " + source + " after " + MAX_ATTEMPTS
							+ " attempts: other writes kept changing " + this + "; retry later", ex);
				}
			}
		}
	}

	private String describe(String what, String key, String actor) {
		return what + " '" + key + "' by " + actor + " in " + this + " (rejected, nothing was stored)";
	}

	/**
	 * Returns the content a write is checked against, with the revision the write then
	 * expects. The default is {@link #load()}; a store that can read past documents it
	 * cannot parse may leave them out here, so that one bad document does not block every
	 * write.
	 * @return the current content
	 */
	protected StoreContent contentToCheck() {
		return load();
	}

	private AuditEntry entry(String key, AuditAction action, String actor, @Nullable FeatureDefinition before,
			@Nullable FeatureDefinition after, @Nullable String reason) {
		requireActor(key, actor);
		return new AuditEntry(key, action, actor, this.clock.instant(), before, after, reason);
	}

	private static void requireActor(String key, @Nullable String actor) {
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException(
					"actor of a write to '" + key + "' must not be blank: name who makes the change");
		}
	}

	/**
	 * Thrown by a subclass's write primitive when the store's revision is not the one the
	 * write was checked against: another write got in between, so the write is checked
	 * again on the new content. Never reaches a caller of the store.
	 */
	protected static final class RevisionMovedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/**
		 * Creates the exception (without a stack trace: it is control flow).
		 */
		public RevisionMovedException() {
			super("the store's revision moved", null, false, false);
		}

	}

}
