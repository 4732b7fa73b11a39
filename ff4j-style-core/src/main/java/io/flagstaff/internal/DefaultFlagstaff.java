package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.StoreListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@link Flagstaff} implementation: one volatile reference to a compiled snapshot,
 * swapped atomically when the store changes or an override is set. Evaluation reads the
 * reference and delegates to the snapshot; reloads are serialized and keep the last good
 * snapshot on failure. Thread-safe.
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

	private final AutoCloseable subscription;

	private volatile CompiledSnapshot current;

	private long lastVersion;

	private boolean storeDown;

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
		this.current = compile(content.features(), content.revision(), Map.of());
		this.scopes = new OverrideScopes(() -> this.current, this.overrides::current, this.runtime);
		emit(new FlagstaffEvent.SnapshotSwapped(now(), this.current.version(), content.revision()));
		this.subscription = store.subscribe(new Subscriber());
		this.coarseClock.start();
		// a change between the first load and the subscription would otherwise go
		// unnoticed
		reload(false);
	}

	private CompiledSnapshot compile(FeatureSet features, long revision, Map<String, String> overrides) {
		return SnapshotCompiler.compile(features, overrides, ++this.lastVersion, revision, this.runtime,
				"store " + this.store.getClass().getSimpleName() + " (revision " + revision + ")");
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
		reload(true);
	}

	private void reload(boolean rethrow) {
		synchronized (this.reloadLock) {
			StoreContent content;
			try {
				content = this.store.load();
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof FeatureConfigException)) {
					markDown(ex);
				}
				emit(new FlagstaffEvent.ReloadFailed(now(), ex));
				if (rethrow) {
					throw ex;
				}
				return;
			}
			markUp();
			CompiledSnapshot previous = this.current;
			if (content.revision() == previous.storeRevision() && content.features().equals(previous.featureSet())) {
				return;
			}
			swap(content.features(), content.revision(), rethrow);
		}
	}

	private void swap(FeatureSet features, long revision, boolean rethrow) {
		CompiledSnapshot next;
		try {
			next = compile(features, revision, this.overrides.current());
		}
		catch (FeatureConfigException ex) {
			this.lastVersion--;
			emit(new FlagstaffEvent.ReloadFailed(now(), ex));
			if (rethrow) {
				throw ex;
			}
			return;
		}
		this.current = next;
		emit(new FlagstaffEvent.SnapshotSwapped(now(), next.version(), revision));
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
			reload(false);
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
			this.forced = java.util.Collections.unmodifiableMap(next);
			CompiledSnapshot snapshot = DefaultFlagstaff.this.current;
			swap(snapshot.featureSet(), snapshot.storeRevision(), true);
		}

		@Override
		public Map<String, String> current() {
			return this.forced;
		}

	}

}
