package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.flagstaff.Evaluation;
import io.flagstaff.ExposureListener;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureOverrides;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.FlagstaffListener;
import io.flagstaff.OverrideScope;
import io.flagstaff.UsageSnapshot;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.StoreChange;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.StoreListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@link Flagstaff} implementation: one volatile reference to a compiled snapshot,
 * swapped atomically when the store changes or an override is set. Evaluation reads the
 * reference and delegates to the snapshot.
 * <p>
 * Reloads are serialized and keep the last good snapshot on failure. An announced change
 * is read alone ({@link FeatureStore#load(StoreContent, StoreChange)}) when it follows
 * the revision held; a change the store could not describe, a gap in the announced
 * revisions or a change of segments reads everything. Announcements that arrive during a
 * reload are merged into one read ({@link PendingChanges}). Either way only the flags
 * that differ are recompiled ({@link SnapshotCompiler}). A full read whose revision went
 * backwards, or that holds no flags where the snapshot has some, is refused (the store
 * diverged) until the store holds the served flags again or the content is accepted.
 * Thread-safe.
 */
public final class DefaultFlagstaff implements Flagstaff {

	private static final System.Logger logger = System.getLogger(DefaultFlagstaff.class.getName());

	private final FeatureStore store;

	private final Clock clock;

	private final EvaluationRuntime runtime;

	private final CoarseClock coarseClock;

	private final List<FlagstaffListener> listeners;

	private final Overrides overrides = new Overrides();

	private final OverrideScopes scopes;

	private final Object reloadLock = new Object();

	private final PendingChanges pending = new PendingChanges();

	private final AutoCloseable subscription;

	private volatile CompiledSnapshot current;

	private volatile FlagstaffEvent.@Nullable StoreDiverged divergence;

	private long lastVersion;

	private boolean storeDown;

	/**
	 * Whether a read after an announcement failed, so the changes it was to bring are
	 * missing: the clock's sweep reads everything again, on a thread of its own.
	 */
	private volatile boolean behind;

	private final AtomicBoolean catchingUp = new AtomicBoolean();

	/**
	 * Loads the store, compiles the first snapshot and subscribes to changes.
	 * @param store the store
	 * @param environment the environment used when a context names none, or {@code null}
	 * @param clock the clock for schedules and date conditions
	 * @param strict whether an unknown flag throws
	 * @param listeners the listeners, told about the initial load too
	 * @param exposureListener told about each evaluation of a tracked flag, or
	 * {@code null}
	 * @param usageStatistics whether to count evaluations per flag (see
	 * {@link Flagstaff#usage()})
	 * @throws FeatureConfigException when the store's content is invalid
	 * @throws FeatureStoreException when the store cannot be read
	 */
	public DefaultFlagstaff(FeatureStore store, @Nullable String environment, Clock clock, boolean strict,
			List<FlagstaffListener> listeners, @Nullable ExposureListener exposureListener, boolean usageStatistics) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.listeners = new CopyOnWriteArrayList<>(listeners);
		this.coarseClock = new CoarseClock(clock);
		this.runtime = new EvaluationRuntime(environment, clock, strict, this.coarseClock, exposureListener,
				usageStatistics);
		StoreContent content = store.load();
		this.current = compile(null, content.features(), content.revision(), Map.of());
		this.lastVersion = this.current.version();
		this.scopes = new OverrideScopes(() -> this.current, this.overrides::current, this.runtime);
		emit(new FlagstaffEvent.SnapshotSwapped(now(), this.current.version(), content.revision()));
		this.subscription = store.subscribe(new Subscriber());
		this.coarseClock.everySweep(this::catchUpIfBehind);
		this.coarseClock.start();
		// a change between the first load and the subscription would otherwise go
		// unnoticed
		synchronized (this.reloadLock) {
			reloadAll(false, false);
		}
	}

	private CompiledSnapshot compile(@Nullable CompiledSnapshot previous, FeatureSet features, long revision,
			Map<String, String> overrides) {
		return SnapshotCompiler.compile(previous, features, overrides, this.lastVersion + 1, revision, this.runtime,
				source(revision));
	}

	private String source(long revision) {
		return "store " + this.store.getClass().getSimpleName() + " (revision " + revision + ")";
	}

	@Override
	public FeatureSnapshot snapshot() {
		return serving();
	}

	/**
	 * Returns what the calling thread evaluates against: the current snapshot, or the one
	 * of the override scope it entered. Without open scopes, one volatile read more than
	 * reading the snapshot.
	 */
	private CompiledSnapshot serving() {
		CompiledSnapshot snapshot = this.current;
		return this.scopes.active ? this.scopes.serving(snapshot) : snapshot;
	}

	@Override
	public FeatureStore store() {
		return this.store;
	}

	@Override
	public void refresh() {
		synchronized (this.reloadLock) {
			reloadAll(true, false);
		}
	}

	@Override
	public FlagstaffEvent.@Nullable StoreDiverged divergence() {
		return this.divergence;
	}

	@Override
	public void acceptStoreContent() {
		synchronized (this.reloadLock) {
			reloadAll(true, true);
		}
	}

	/**
	 * Applies what the store announced, merged with whatever else arrived meanwhile.
	 */
	private void follow() {
		synchronized (this.reloadLock) {
			if (this.divergence != null) {
				if (this.pending.takeAll()) {
					reloadAll(false, false);
				}
				return;
			}
			StoreChange change = this.pending.take(this.current.storeRevision());
			if (change == null) {
				return;
			}
			if (change == PendingChanges.EVERYTHING) {
				reloadAll(false, false);
			}
			else if (change.segments()) {
				reloadAnnounced(change);
			}
			else {
				reloadChanged(change);
			}
		}
	}

	/**
	 * Reads the changed flags only; falls back to reading everything when the store went
	 * back meanwhile, when a changed document is invalid, or when the merged content does
	 * not compile (a later write it depends on is still being announced). Content at
	 * exactly the announced revision differs from the held one in the announced flags
	 * only, so only those are compared; content read later (a store that reads
	 * everything) is compared whole and keeps its own revision.
	 */
	private void reloadChanged(StoreChange change) {
		CompiledSnapshot previous = this.current;
		StoreContent content;
		try {
			content = this.store.load(new StoreContent(previous.featureSet(), previous.storeRevision()), change);
		}
		catch (FeatureConfigException ex) {
			// read everything: the whole read reports every bad document at once
			reloadAll(false, false);
			return;
		}
		catch (RuntimeException ex) {
			failed(ex, false);
			return;
		}
		markUp();
		if (content.revision() < change.toRevision()) {
			accept(content, false, false);
			return;
		}
		boolean exact = content.revision() == change.toRevision();
		CompiledSnapshot next;
		try {
			next = SnapshotCompiler.compile(previous, content.features(), exact ? change.features() : null,
					this.overrides.current(), this.lastVersion + 1, content.revision(), this.runtime,
					source(content.revision()));
		}
		catch (FeatureConfigException ex) {
			reloadAll(false, false);
			return;
		}
		publish(next);
	}

	/**
	 * Reads everything after an announced change of segments; only a revision below the
	 * announced one is a divergence.
	 */
	private void reloadAnnounced(StoreChange change) {
		StoreContent content;
		try {
			content = this.store.load();
		}
		catch (RuntimeException ex) {
			failed(ex, false);
			return;
		}
		markUp();
		accept(content, false, content.revision() >= change.toRevision());
	}

	private void reloadAll(boolean rethrow, boolean accepted) {
		StoreContent content;
		try {
			content = this.store.load();
		}
		catch (RuntimeException ex) {
			failed(ex, rethrow);
			return;
		}
		markUp();
		this.behind = false;
		accept(content, rethrow, accepted);
	}

	/**
	 * Reads everything again, on a short-lived thread, when a read failed since the last
	 * successful full read (a timeout while the store itself stayed up would otherwise
	 * leave this instance behind until the next change).
	 */
	private void catchUpIfBehind() {
		if (!this.behind || !this.catchingUp.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				this.pending.everything();
				follow();
			}
			finally {
				this.catchingUp.set(false);
			}
		}, "flagstaff-catch-up");
		thread.setDaemon(true);
		thread.start();
	}

	private void failed(RuntimeException ex, boolean rethrow) {
		if (!(ex instanceof FeatureConfigException)) {
			markDown(ex);
			this.behind = true;
		}
		emit(new FlagstaffEvent.ReloadFailed(now(), ex));
		if (rethrow) {
			throw ex;
		}
	}

	/**
	 * Swaps in content read whole, unless it is a divergence; content that equals the
	 * served flags ends a divergence.
	 */
	private void accept(StoreContent content, boolean rethrow, boolean accepted) {
		CompiledSnapshot previous = this.current;
		boolean same = content.features().equals(previous.featureSet());
		if (same && content.revision() == previous.storeRevision() && (this.divergence == null || accepted)) {
			this.divergence = null;
			return;
		}
		String reason = (accepted || same) ? null : divergence(previous, content);
		if (reason != null) {
			diverged(previous, content, reason);
			return;
		}
		CompiledSnapshot next;
		try {
			next = compile(previous, content.features(), content.revision(), this.overrides.current());
		}
		catch (FeatureConfigException ex) {
			emit(new FlagstaffEvent.ReloadFailed(now(), ex));
			if (rethrow) {
				throw ex;
			}
			return;
		}
		this.divergence = null;
		publish(next);
	}

	private @Nullable String divergence(CompiledSnapshot previous, StoreContent content) {
		if (this.divergence != null) {
			return this.divergence.reason();
		}
		if (content.revision() < previous.storeRevision()) {
			return "the store's revision went back from " + previous.storeRevision() + " to " + content.revision();
		}
		if (content.features().features().isEmpty() && !previous.featureSet().features().isEmpty()) {
			return "the store holds no flags where it held " + previous.featureSet().features().size();
		}
		return null;
	}

	private void diverged(CompiledSnapshot previous, StoreContent content, String reason) {
		FlagstaffEvent.StoreDiverged known = this.divergence;
		this.divergence = new FlagstaffEvent.StoreDiverged((known != null) ? known.time() : now(),
				previous.storeRevision(), content.revision(), content.features().features().size(), reason);
		if (known == null) {
			logger.log(System.Logger.Level.ERROR,
					"Refused the content of " + this.store + ": " + reason + ". Still serving the last good flags"
							+ " (revision " + previous.storeRevision() + "). Restore the store (from the flag document "
							+ "or the backup file), or accept its content (Flagstaff.acceptStoreContent(), the "
							+ "actuator's flagstaff endpoint): see docs/stores.md#when-the-store-goes-backwards");
			emit(this.divergence);
		}
	}

	private void publish(CompiledSnapshot next) {
		this.lastVersion = next.version();
		this.current = next;
		emit(new FlagstaffEvent.SnapshotSwapped(now(), next.version(), next.storeRevision()));
	}

	private void markDown(@Nullable Exception failure) {
		synchronized (this.reloadLock) {
			if (!this.storeDown) {
				this.storeDown = true;
				emit(new FlagstaffEvent.StoreDown(now(), failure));
			}
		}
	}

	private void markUp() {
		if (this.storeDown) {
			this.storeDown = false;
			emit(new FlagstaffEvent.StoreUp(now()));
		}
	}

	@Override
	public FeatureOverrides overrides() {
		return this.overrides;
	}

	@Override
	public OverrideScope openScope() {
		return this.scopes.open();
	}

	@Override
	public @Nullable OverrideScope scope(String id) {
		return this.scopes.find(id);
	}

	@Override
	public @Nullable OverrideScope currentScope() {
		return this.scopes.current();
	}

	@Override
	public Map<String, Long> unknownFlagCounts() {
		return this.runtime.unknownFlagCounts();
	}

	@Override
	public UsageSnapshot usage() {
		return this.runtime.usage().snapshot();
	}

	@Override
	public AutoCloseable addListener(FlagstaffListener listener) {
		Objects.requireNonNull(listener, "listener");
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	@Override
	public void close() {
		try {
			this.subscription.close();
		}
		catch (Exception ex) {
			logger.log(System.Logger.Level.WARNING, "Failed to end the subscription to the feature store", ex);
		}
		finally {
			this.coarseClock.close();
			this.store.close();
		}
	}

	@Override
	public boolean isEnabled(String key, FeatureContext context) {
		return serving().isEnabled(key, context);
	}

	@Override
	public @Nullable String variant(String key, FeatureContext context) {
		return serving().variant(key, context);
	}

	@Override
	public Evaluation evaluate(String key, FeatureContext context) {
		return serving().evaluate(key, context);
	}

	@Override
	public String getString(String key, FeatureContext context, String defaultValue) {
		return serving().getString(key, context, defaultValue);
	}

	@Override
	public int getInt(String key, FeatureContext context, int defaultValue) {
		return serving().getInt(key, context, defaultValue);
	}

	@Override
	public double getDouble(String key, FeatureContext context, double defaultValue) {
		return serving().getDouble(key, context, defaultValue);
	}

	@Override
	public boolean getBoolean(String key, FeatureContext context, boolean defaultValue) {
		return serving().getBoolean(key, context, defaultValue);
	}

	@Override
	public JsonNode getJson(String key, FeatureContext context, JsonNode defaultValue) {
		return serving().getJson(key, context, defaultValue);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private void emit(FlagstaffEvent event) {
		for (FlagstaffListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING, "A Flagstaff listener failed on " + event, ex);
			}
		}
	}

	/**
	 * Receives the store's notifications.
	 */
	private final class Subscriber implements StoreListener {

		@Override
		public void changed() {
			DefaultFlagstaff.this.pending.everything();
			follow();
		}

		@Override
		public void changed(StoreChange change) {
			DefaultFlagstaff.this.pending.add(change);
			follow();
		}

		@Override
		public void failed(Exception failure) {
			markDown(failure);
		}

	}

	/**
	 * The overrides: each change recompiles the last good content with the new overrides.
	 */
	private final class Overrides implements FeatureOverrides {

		private volatile Map<String, String> forced = Map.of();

		@Override
		public void force(String key, boolean enabled) {
			set(key, enabled ? "on" : "off");
		}

		@Override
		public void forceVariant(String key, String variant) {
			set(key, variant);
		}

		private void set(String key, String value) {
			synchronized (DefaultFlagstaff.this.reloadLock) {
				OverrideScopes.check(DefaultFlagstaff.this.current, key, value);
				Map<String, String> next = new java.util.TreeMap<>(this.forced);
				next.put(key, value);
				apply(next);
			}
		}

		@Override
		public void clear(String key) {
			synchronized (DefaultFlagstaff.this.reloadLock) {
				if (this.forced.containsKey(key)) {
					Map<String, String> next = new java.util.TreeMap<>(this.forced);
					next.remove(key);
					apply(next);
				}
			}
		}

		@Override
		public void clearAll() {
			synchronized (DefaultFlagstaff.this.reloadLock) {
				if (!this.forced.isEmpty()) {
					apply(Map.of());
				}
			}
		}

		private void apply(Map<String, String> next) {
			CompiledSnapshot snapshot = DefaultFlagstaff.this.current;
			Map<String, String> forced = java.util.Collections.unmodifiableMap(next);
			CompiledSnapshot compiled = compile(snapshot, snapshot.featureSet(), snapshot.storeRevision(), forced);
			// listeners of the swap read the overrides in force: they must see the new
			// ones
			this.forced = forced;
			publish(compiled);
		}

		@Override
		public Map<String, String> current() {
			return this.forced;
		}

	}

}
