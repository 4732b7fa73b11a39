package io.flagstaff.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * The shared logic of writable stores, for store authors: validation, read-check-write
 * with optimistic retries, audit entries, and listener bookkeeping. A subclass supplies
 * reading ({@link #load()}, {@link #feature(String)}, the {@code audit} queries) and two
 * write primitives, {@link #compareAndSet} for a flag and {@link #writeSegment} for a
 * segment, each an atomic compare-and-set that stores the change and its audit entry
 * together and answers with a {@link WriteOutcome}. {@code docs/writing-a-store.md} walks
 * through writing one; the contract tests in flagstaff-core's test-jar check it.
 * <p>
 * Every write except a switch-off is checked before it is stored: the flags it changes,
 * and those that require them, are compiled as the evaluator compiles them in the set the
 * write would leave, and a write that adds a problem (a rollout of 150, a prerequisite or
 * segment nobody defines, a prerequisite cycle, deleting a flag others require, a weight
 * for a variant the flag lacks) fails with a {@link FeatureConfigException} naming each
 * problem's path and fix; nothing is stored and nothing is audited. Problems the stored
 * set already had do not block unrelated writes. The write is stored only if the store's
 * revision is still the one it was checked against, so two writes that are each valid
 * cannot together leave an invalid set; when the revision moved, the write is read,
 * checked and tried again, at most 100 times in all. The content a write is checked
 * against is read once ({@link #contentToCheck()}) and then kept up to date by this
 * store's own writes, so a store with one writer at a time reads it again only after
 * someone else wrote. After a stored write the subscribers are told what it changed
 * ({@link #changeAnnounced(StoreChange)}) before the write returns.
 * <p>
 * Thread-safe when the subclass's primitives are: writes run on the callers' threads,
 * concurrently, with no lock held by this class.
 */
public abstract class AbstractWritableFeatureStore implements WritableFeatureStore {

	/**
	 * The expected revision of a write that was not checked against the content (a
	 * switch-off): it is stored whatever the revision, provided the flag's version is the
	 * expected one.
	 */
	protected static final long ANY_REVISION = Long.MIN_VALUE;

	/** How many times one write is tried before giving up (each try reads again). */
	private static final int MAX_ATTEMPTS = 100;

	private final Clock clock;

	private final StoreListeners listeners = new StoreListeners();

	private final AtomicBoolean watching = new AtomicBoolean();

	/**
	 * The content the last write was checked against, advanced by this store's own
	 * writes; {@code null} until read, and after a write found the store moved.
	 */
	private final AtomicReference<@Nullable StoreContent> checked = new AtomicReference<>();

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
	 * version is {@code expectedVersion} and, unless {@code expectedRevision} is
	 * {@link #ANY_REVISION}, the store's revision is {@code expectedRevision}. Stored,
	 * the flag's version becomes {@code expectedVersion + 1} (a delete removes it) and
	 * the store's revision grows. The version is compared first: when both moved, the
	 * answer is {@link WriteOutcome#versionMoved}. Called on the writing thread,
	 * concurrently with other writes; do not announce the change, this class does.
	 * @param key the flag key
	 * @param expectedVersion the version the caller read (0: the flag must not exist)
	 * @param next the new definition, or {@code null} to delete the flag
	 * @param entry the audit entry to record with the change
	 * @param expectedRevision the store revision the write was checked against, or
	 * {@link #ANY_REVISION} when it was not checked
	 * @return {@link WriteOutcome#stored} with the new revision,
	 * {@link WriteOutcome#versionMoved} with the stored version, or
	 * {@link WriteOutcome#revisionMoved}; nothing is stored in the last two cases
	 * @throws FeatureStoreException when the store cannot be written
	 */
	protected abstract WriteOutcome compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry, long expectedRevision);

	/**
	 * Writes or removes one segment atomically, together with its audit entry, provided
	 * the store's revision is {@code expectedRevision}; stored, the store's revision
	 * grows. Called like {@link #compareAndSet}; do not announce the change.
	 * @param name the segment name
	 * @param conditions the conditions, or {@code null} to remove it
	 * @param entry the audit entry to record with the change
	 * @param expectedRevision the store revision the write was checked against
	 * @return {@link WriteOutcome#stored} with the new revision, or
	 * {@link WriteOutcome#revisionMoved} (nothing stored)
	 * @throws FeatureStoreException when the store cannot be written
	 */
	protected abstract WriteOutcome writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry,
			long expectedRevision);

	/**
	 * Returns the content a write is checked against, with the revision the write then
	 * expects. The default is {@link #load()}. A store may leave out documents it cannot
	 * parse here (so that one bad document does not block every write), and may answer
	 * from what it last read, provided its write primitives then answer
	 * {@link WriteOutcome#revisionMoved} for anything that changed since (the write is
	 * checked again on fresh content).
	 * @return the current content
	 * @throws FeatureStoreException when the store cannot be read
	 */
	protected StoreContent contentToCheck() {
		return load();
	}

	/**
	 * Starts whatever follows changes made elsewhere (watchers, listeners, pollers).
	 * Called once, on the first subscription, on the subscribing thread: start threads
	 * rather than block. The default does nothing, for stores that only change through
	 * their own writes.
	 */
	protected void startWatching() {
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		this.listeners.add(listener);
		if (this.watching.compareAndSet(false, true)) {
			startWatching();
		}
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Tells every subscriber, on this thread, that the content changed (they reload it).
	 * For changes a store notices without a revision (a file edited by hand).
	 */
	protected final void fireChanged() {
		this.listeners.changed();
	}

	/**
	 * Tells every subscriber, once per outage, that the store became unreachable. Call it
	 * from the first failure of whatever follows changes (a poll, a lost connection).
	 * @param failure what went wrong
	 */
	protected final void fireFailed(Exception failure) {
		this.listeners.failed(failure);
	}

	/**
	 * Tells every subscriber that the store is reachable again (they reload), or that the
	 * content changed when no outage was reported. Never delivered before the failure it
	 * ends; it may be delivered on another thread that is delivering outage news already.
	 */
	protected final void fireRecovered() {
		this.listeners.recovered();
	}

	/**
	 * Tells subscribers about a revision read from the store (a poll, a check after a
	 * reconnect): that the store is back when an outage was reported, otherwise that the
	 * content changed when the revision differs from the last one seen.
	 * @param revision the revision just read
	 */
	protected final void revisionRead(long revision) {
		this.listeners.revisionRead(revision);
	}

	/**
	 * Like {@link #revisionRead(long)}, for a poll that only backs up announcements
	 * (notifications, pub/sub): a revision newer than the last one seen counts once a
	 * second poll finds it unchanged, so a poll that overtakes an announcement on its way
	 * does not make subscribers read everything; a lower revision (the store lost data),
	 * and any revision while the store is reported down, count at once.
	 * @param revision the revision just polled
	 */
	protected final void revisionPolled(long revision) {
		this.listeners.revisionPolled(revision);
	}

	/**
	 * Tells subscribers that the content changed when an announced revision (a
	 * notification from another instance that does not say what changed; this class
	 * announces local writes itself) is newer than the last one seen; an older or
	 * repeated announcement is ignored. The subscribers read everything.
	 * @param revision the announced revision
	 */
	protected final void revisionAnnounced(long revision) {
		this.listeners.revisionAnnounced(revision);
	}

	/**
	 * Tells subscribers what writes made elsewhere changed (a notification from another
	 * instance that names the flags it wrote), so they read only those flags
	 * ({@link #load(StoreContent, StoreChange)}). Subscribers ignore a change they
	 * already have and read everything when a change does not follow the revision they
	 * hold.
	 * @param change the revisions and the changed flags
	 */
	protected final void changeAnnounced(StoreChange change) {
		this.listeners.announced(change);
	}

	/**
	 * Returns whether an outage was reported and not yet recovered.
	 * @return whether the store is considered down
	 */
	protected final boolean isDown() {
		return this.listeners.isDown();
	}

	@Override
	public VersionedFeature create(FeatureDefinition feature, String actor) {
		Objects.requireNonNull(feature, "feature");
		String key = feature.key();
		AuditEntry entry = entry(key, AuditAction.CREATE, actor, null, feature, null);
		String source = describe("creating flag", key, actor);
		for (int attempt = 1;; attempt++) {
			// an existing key is left to the compare-and-set, which reports the conflict
			WriteOutcome outcome = checkedWrite(key, source,
					(before) -> before.features().containsKey(key) ? before : before.with(feature),
					(revision) -> compareAndSet(key, 0, feature, entry, revision));
			if (stored(outcome, key, 0, attempt, false, source)) {
				return new VersionedFeature(feature, 1);
			}
		}
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
		String source = describe("updating flag", key, actor);
		for (int attempt = 1;; attempt++) {
			WriteOutcome outcome = checkedWrite(key, source, (before) -> before.with(feature),
					(revision) -> compareAndSet(key, expectedVersion, feature, entry, revision));
			if (stored(outcome, key, expectedVersion, attempt, false, source)) {
				return new VersionedFeature(feature, expectedVersion + 1);
			}
		}
	}

	@Override
	public boolean delete(String key, String actor) {
		requireActor(key, actor);
		String source = describe("deleting flag", key, actor);
		for (int attempt = 1;; attempt++) {
			VersionedFeature current = feature(key);
			if (current == null) {
				return false;
			}
			AuditEntry entry = entry(key, AuditAction.DELETE, actor, current.definition(), null, null);
			WriteOutcome outcome = checkedWrite(key, source, (before) -> before.without(key),
					(revision) -> compareAndSet(key, current.version(), null, entry, revision));
			if (stored(outcome, key, current.version(), attempt, true, source)) {
				return true;
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
		storeSegment(name, copy, entry, describe("writing segment", name, actor), false);
	}

	@Override
	public boolean createSegment(String name, List<Condition> conditions, String actor) {
		Objects.requireNonNull(name, "name");
		List<Condition> copy = List.copyOf(conditions);
		AuditEntry entry = entry(name, AuditAction.PUT_SEGMENT, actor, null, null, copy.size() + " condition(s)");
		return !storeSegment(name, copy, entry, describe("creating segment", name, actor), true);
	}

	@Override
	public boolean deleteSegment(String name, String actor) {
		Objects.requireNonNull(name, "name");
		AuditEntry entry = entry(name, AuditAction.DELETE_SEGMENT, actor, null, null, null);
		return storeSegment(name, null, entry, describe("deleting segment", name, actor), false);
	}

	/**
	 * Stores a segment write checked on the content it changes; returns whether the
	 * segment was in that content (a segment whose document is unreadable counts as
	 * absent, as it does to the evaluator). With {@code onlyIfAbsent} a segment found
	 * there is left as it is: the write expects that content's revision, so a segment
	 * another writer adds meanwhile is found on the next attempt.
	 */
	private boolean storeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry, String source,
			boolean onlyIfAbsent) {
		for (int attempt = 1;; attempt++) {
			Checked checked = check((before) -> (onlyIfAbsent && before.segments().containsKey(name)) ? before
					: withSegment(before, name, conditions), source);
			StoreContent content = checked.content();
			if (onlyIfAbsent && content.features().segments().containsKey(name)) {
				return true;
			}
			WriteOutcome outcome = settle(content, checked.after(),
					writeSegment(name, conditions, entry, content.revision()), Set.of(), true);
			if (outcome.kind() == WriteOutcome.Kind.VERSION_MOVED) {
				throw new IllegalStateException(this + " answered " + outcome + " to a segment write; segments have "
						+ "no version: answer stored or revisionMoved");
			}
			if (stored(outcome, name, 0, attempt, true, source)) {
				return content.features().segments().containsKey(name);
			}
		}
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
		String source = describe(action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of flag", key, actor);
		// switching off never makes a set invalid, and a kill must work even when the
		// stored set has problems: it is not checked
		boolean unchecked = action == AuditAction.DISABLE || action == AuditAction.KILL;
		for (int attempt = 1;; attempt++) {
			VersionedFeature current = feature(key);
			if (current == null) {
				throw new FeatureNotFoundException(key,
						"No flag '" + key + "' in " + this + "; create it before changing it");
			}
			FeatureDefinition next = change.apply(current.definition());
			AuditEntry entry = entry(key, action, actor, current.definition(), next, reason);
			WriteOutcome outcome = unchecked ? uncheckedWrite(key, next, current.version(), entry)
					: checkedWrite(key, source, (before) -> before.with(next),
							(revision) -> compareAndSet(key, current.version(), next, entry, revision));
			if (stored(outcome, key, current.version(), attempt, true, source)) {
				return new VersionedFeature(next, current.version() + 1);
			}
		}
	}

	/**
	 * Checks the write on the content to check and tries to store it on that revision;
	 * announces a stored write.
	 */
	private WriteOutcome checkedWrite(String key, String source, UnaryOperator<FeatureSet> change,
			LongFunction<WriteOutcome> write) {
		Checked checked = check(change, source);
		return settle(checked.content(), checked.after(), write.apply(checked.content().revision()), Set.of(key),
				false);
	}

	/**
	 * Stores a switch-off whatever the revision; when it moved the revision by exactly
	 * one from the content to check, nobody else wrote meanwhile and that content stays
	 * current.
	 */
	private WriteOutcome uncheckedWrite(String key, FeatureDefinition next, long version, AuditEntry entry) {
		WriteOutcome outcome = compareAndSet(key, version, next, entry, ANY_REVISION);
		if (!outcome.isStored()) {
			return outcome;
		}
		StoreContent content = this.checked.get();
		if (content != null && outcome.revision() == content.revision() + 1) {
			return settle(content, content.features().with(next), outcome, Set.of(key), false);
		}
		this.checked.compareAndSet(content, null);
		announce(outcome.revision() - 1, outcome.revision(), Set.of(key), false);
		return outcome;
	}

	/**
	 * Checks a write on the content kept from earlier writes, or read now; a write the
	 * kept content rejects is checked again on content read now before it is refused,
	 * since the kept content may be behind.
	 */
	private Checked check(UnaryOperator<FeatureSet> change, String source) {
		StoreContent kept = this.checked.get();
		if (kept != null) {
			FeatureSet after = change.apply(kept.features());
			try {
				WriteCheck.check(this, kept.features(), after, source);
				return new Checked(kept, after);
			}
			catch (FeatureConfigException ex) {
				this.checked.compareAndSet(kept, null);
			}
		}
		StoreContent content = contentToCheck();
		this.checked.set(content);
		FeatureSet after = change.apply(content.features());
		WriteCheck.check(this, content.features(), after, source);
		return new Checked(content, after);
	}

	/**
	 * A write checked on some content: that content, and the set the write leaves.
	 */
	private record Checked(StoreContent content, FeatureSet after) {
	}

	/**
	 * Keeps the content to check current after a write checked on it, and announces a
	 * stored write; forgets the content when the write found the store moved.
	 */
	private WriteOutcome settle(StoreContent content, FeatureSet after, WriteOutcome outcome, Set<String> keys,
			boolean segments) {
		if (outcome.isStored()) {
			this.checked.compareAndSet(content, new StoreContent(after, outcome.revision()));
			announce(content.revision(), outcome.revision(), keys, segments);
		}
		else {
			this.checked.compareAndSet(content, null);
		}
		return outcome;
	}

	private void announce(long from, long to, Set<String> keys, boolean segments) {
		if (to > from) {
			changeAnnounced(new StoreChange(from, to, keys, segments));
		}
		else {
			revisionAnnounced(to);
		}
	}

	/**
	 * Returns whether a write was stored; {@code false} means try again. A moved version
	 * is a conflict for a write that named its version ({@code reread} false) and a
	 * reason to read again for one that did not; a moved revision always means check
	 * again. Gives up after {@link #MAX_ATTEMPTS} attempts.
	 */
	private boolean stored(WriteOutcome outcome, String key, long expectedVersion, int attempt, boolean reread,
			String source) {
		switch (outcome.kind()) {
			case STORED:
				return true;
			case VERSION_MOVED:
				if (!reread || attempt >= MAX_ATTEMPTS) {
					throw new FeatureConflictException(key, expectedVersion, outcome.actualVersion());
				}
				return false;
			default:
				if (attempt >= MAX_ATTEMPTS) {
					throw new FeatureStoreException("Gave up " + source + " after " + MAX_ATTEMPTS
							+ " attempts: other writes kept changing " + this + "; retry later");
				}
				return false;
		}
	}

	private String describe(String what, String key, String actor) {
		return what + " '" + key + "' by " + actor + " in " + this + " (rejected, nothing was stored)";
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

}
