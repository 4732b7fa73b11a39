package io.flagstaff.health;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.internal.Background;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Kill;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The {@link HealthGuard} behind {@link HealthGuard#builder}.
 */
final class DefaultHealthGuard implements HealthGuard {

	private static final System.Logger logger = System.getLogger(HealthGuard.class.getName());

	private final Flagstaff flagstaff;

	private final KillSwitch killSwitch;

	private final Clock clock;

	/** Nanosecond readings for the rolling windows, derived from {@link #clock}. */
	private final LongSupplier ticker;

	private final Executor executor;

	private final @Nullable ExecutorService ownedExecutor;

	private final Predicate<Throwable> failurePredicate;

	private final ConcurrentMap<String, FeatureHealth> features = new ConcurrentHashMap<>();

	private final List<AutoDisableListener> listeners;

	private final AtomicBoolean recordingFailureLogged = new AtomicBoolean();

	DefaultHealthGuard(HealthGuard.Builder builder) {
		this.flagstaff = builder.flagstaff;
		this.killSwitch = builder.killSwitch;
		this.clock = builder.clock;
		this.ticker = ticker(builder.clock);
		this.failurePredicate = builder.failurePredicate;
		this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
		if (builder.executor != null) {
			this.executor = builder.executor;
			this.ownedExecutor = null;
		}
		else {
			ExecutorService owned = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "flagstaff-health-guard");
				thread.setDaemon(true);
				return thread;
			});
			this.executor = owned;
			this.ownedExecutor = owned;
		}
	}

	/**
	 * Returns the nanosecond readings of a clock: {@link System#nanoTime()} for a system
	 * clock (monotonic, so a wall clock set back does not unwind the windows), else the
	 * clock's instant in nanoseconds since the epoch (valid until the year 2262).
	 */
	static LongSupplier ticker(Clock clock) {
		if (clock.getClass() == SYSTEM_CLOCK) {
			return System::nanoTime;
		}
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}

	private static final Class<?> SYSTEM_CLOCK = Clock.systemUTC().getClass();

	@Override
	public void recordSuccess(String feature, @Nullable String variant, long durationNanos) {
		record(feature, variant, durationNanos, null);
	}

	@Override
	public void recordFailure(String feature, @Nullable String variant, long durationNanos, Throwable failure) {
		record(feature, variant, durationNanos, failure);
	}

	private void record(String feature, @Nullable String variant, long durationNanos, @Nullable Throwable failure) {
		try {
			FeatureSnapshot snapshot = this.flagstaff.snapshot();
			FeatureDefinition definition = snapshot.definition(feature);
			if (definition == null) {
				return;
			}
			HealthPolicy policy = definition.health();
			if (policy == null) {
				return;
			}
			FeatureHealth health = this.features.get(feature);
			if (health == null) {
				health = this.features.computeIfAbsent(feature, (key) -> new FeatureHealth());
			}
			long version = snapshot.version();
			long now = this.ticker.getAsLong();
			boolean failed = failure != null && this.failurePredicate.test(failure);
			boolean perVariant = policy.scope() == HealthPolicy.Scope.VARIANT && !definition.variants().isEmpty();
			Monitor whole = health.feature(policy, version, definition);
			boolean slow = whole.isSlow(durationNanos);
			whole.record(now, failed, slow, failure);
			if (!perVariant) {
				check(whole, now, failed, slow, definition, null);
			}
			if (variant != null) {
				Monitor single = health.variant(variant, policy, version, definition);
				single.record(now, failed, slow, failure);
				if (perVariant) {
					check(single, now, failed, slow, definition, variant);
				}
			}
		}
		catch (Throwable ex) {
			Background.rethrowIfFatal(ex);
			if (this.recordingFailureLogged.compareAndSet(false, true)) {
				logger.log(Level.WARNING, "Recording a call of feature '" + feature
						+ "' failed; the health guard keeps going (logged once)", ex);
			}
		}
	}

	private void check(Monitor monitor, long now, boolean failed, boolean slow, FeatureDefinition definition,
			@Nullable String variant) {
		if (monitor.state.get() != Monitor.ARMED) {
			return;
		}
		Trigger trigger = monitor.crossed(now, failed, slow);
		if (trigger == null || alreadyOff(definition, variant)
				|| !monitor.state.compareAndSet(Monitor.ARMED, Monitor.TRIPPING)) {
			return;
		}
		Map<String, Number> figures = new LinkedHashMap<>();
		String reason = monitor.describe(trigger, now, figures);
		try {
			this.executor.execute(() -> disable(monitor, definition, variant, trigger, reason, figures));
		}
		catch (RejectedExecutionException ex) {
			monitor.state.set(Monitor.ARMED);
		}
	}

	/**
	 * Returns whether the flag (or the variant) is already out of service, for example
	 * killed before a restart: calls still recorded for it must not write another
	 * disable.
	 */
	private static boolean alreadyOff(FeatureDefinition definition, @Nullable String variant) {
		if (!definition.enabled() || definition.killed() != null) {
			return true;
		}
		if (variant != null) {
			for (VariantDefinition candidate : definition.variants()) {
				if (candidate.name().equals(variant)) {
					return candidate.weight() == 0;
				}
			}
		}
		return false;
	}

	private void disable(Monitor monitor, FeatureDefinition definition, @Nullable String variant, Trigger trigger,
			String reason, Map<String, Number> figures) {
		String feature = definition.key();
		try {
			Map<String, Integer> weights = (variant != null) ? shiftToControl(definition, variant) : null;
			AutoDisabledEvent event;
			if (weights != null && variant != null) {
				Kill kill = new Kill(ACTOR, "variant '" + variant + "' of '" + feature + "': " + reason
						+ "; its weight moved to '" + definition.variants().get(0).name() + "'", this.clock.instant());
				this.killSwitch.setVariantWeights(feature, weights, kill);
				event = new AutoDisabledEvent(feature, variant, trigger, kill, figures);
			}
			else {
				String scope = (variant != null) ? "variant '" + variant + "' (the control, so the whole flag) of '"
						: "'";
				Kill kill = new Kill(ACTOR, scope + feature + "': " + reason, this.clock.instant());
				this.killSwitch.disable(feature, kill);
				event = new AutoDisabledEvent(feature, null, trigger, kill, figures);
			}
			refresh(this.flagstaff);
			monitor.trippedAtVersion = this.flagstaff.snapshot().version();
			monitor.state.set(Monitor.TRIPPED);
			logger.log(Level.WARNING, "Health guard switched off " + event.reason());
			notifyListeners(this.listeners, event);
		}
		catch (Throwable ex) {
			Background.rethrowIfFatal(ex);
			monitor.state.set(Monitor.ARMED);
			logger.log(Level.ERROR, "Health guard could not switch off feature '" + feature
					+ "'; it will try again on the next call that crosses the policy", ex);
		}
	}

	/**
	 * Refreshes a Flagstaff after an automatic disable, so that it serves the disable at
	 * once; a failure is logged, the store's own notification bringing the change later.
	 */
	static void refresh(Flagstaff flagstaff) {
		try {
			flagstaff.refresh();
		}
		catch (Throwable ex) {
			Background.rethrowIfFatal(ex);
			logger.log(Level.WARNING, "Refreshing after an automatic disable failed; the store change will arrive "
					+ "with its next notification", ex);
		}
	}

	/**
	 * Computes the weights that move a variant's weight to the control (first) variant.
	 * @return the weights, or {@code null} when the variant is the control or unknown, in
	 * which case the whole flag is disabled
	 */
	static @Nullable Map<String, Integer> shiftToControl(FeatureDefinition definition, String variant) {
		List<VariantDefinition> variants = definition.variants();
		if (variants.isEmpty() || variants.get(0).name().equals(variant)) {
			return null;
		}
		int moved = -1;
		for (VariantDefinition candidate : variants) {
			if (candidate.name().equals(variant)) {
				moved = candidate.weight();
			}
		}
		if (moved < 0) {
			return null;
		}
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (VariantDefinition candidate : variants) {
			weights.put(candidate.name(), candidate.weight());
		}
		weights.put(variant, 0);
		weights.merge(variants.get(0).name(), moved, Integer::sum);
		return weights;
	}

	static void notifyListeners(List<AutoDisableListener> listeners, AutoDisabledEvent event) {
		for (AutoDisableListener listener : listeners) {
			try {
				listener.onAutoDisabled(event);
			}
			catch (Throwable ex) {
				Background.rethrowIfFatal(ex);
				logger.log(Level.WARNING, "Auto-disable listener " + listener + " failed", ex);
			}
		}
	}

	@Override
	public HealthStats stats(String feature) {
		FeatureHealth health = this.features.get(feature);
		Monitor monitor = (health != null) ? health.feature() : null;
		return (monitor != null) ? monitor.stats(this.ticker.getAsLong()) : HealthStats.NONE;
	}

	@Override
	public HealthStats stats(String feature, String variant) {
		FeatureHealth health = this.features.get(feature);
		Monitor monitor = (health != null) ? health.variant(variant) : null;
		return (monitor != null) ? monitor.stats(this.ticker.getAsLong()) : HealthStats.NONE;
	}

	@Override
	public AutoCloseable addListener(AutoDisableListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	@Override
	public void close() {
		if (this.ownedExecutor != null) {
			this.ownedExecutor.shutdown();
		}
	}

}
