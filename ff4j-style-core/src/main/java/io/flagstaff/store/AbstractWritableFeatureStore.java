package io.flagstaff.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.Kill;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The shared logic of writable stores: validation, read-modify-write with optimistic
 * retries, audit entries and listener bookkeeping. A subclass supplies reading one flag
 * and an atomic compare-and-set write that records the audit entry together with the
 * change. Thread-safe when the subclass's primitives are.
 */
public abstract class AbstractWritableFeatureStore implements WritableFeatureStore {

	private static final int MAX_ATTEMPTS = 100;

	private final Clock clock;

	private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicBoolean watching = new AtomicBoolean();

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
	 * @return the new version (0 after a delete)
	 * @throws FeatureConflictException when the stored version differs
	 */
	protected abstract long compareAndSet(String key, long expectedVersion, @Nullable FeatureDefinition next,
			AuditEntry entry);

	/**
	 * Writes or removes one segment together with its audit entry, then announces the
	 * change.
	 * @param name the segment name
	 * @param conditions the conditions, or {@code null} to remove it
	 * @param entry the audit entry to record
	 * @return whether the segment existed before
	 */
	protected abstract boolean writeSegment(String name, @Nullable List<Condition> conditions, AuditEntry entry);

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
		if (this.down.compareAndSet(false, true)) {
			for (StoreListener listener : this.listeners) {
				listener.failed(failure);
			}
		}
	}

	/**
	 * Tells every subscriber that the store is reachable again (they reload), or that the
	 * content changed when no outage was reported.
	 */
	protected final void fireRecovered() {
		if (this.down.compareAndSet(true, false)) {
			for (StoreListener listener : this.listeners) {
				listener.recovered();
			}
		}
		else {
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
		AuditEntry entry = entry(feature.key(), AuditAction.CREATE, actor, null, feature, null);
		return new VersionedFeature(feature, compareAndSet(feature.key(), 0, feature, entry));
	}

	@Override
	public VersionedFeature update(FeatureDefinition feature, long expectedVersion, String actor) {
		Objects.requireNonNull(feature, "feature");
		requireActor(feature.key(), actor);
		VersionedFeature current = feature(feature.key());
		long actual = (current != null) ? current.version() : 0;
		if (actual != expectedVersion || current == null) {
			throw new FeatureConflictException(feature.key(), expectedVersion, actual);
		}
		AuditEntry entry = entry(feature.key(), AuditAction.UPDATE, actor, current.definition(), feature, null);
		return new VersionedFeature(feature, compareAndSet(feature.key(), expectedVersion, feature, entry));
	}

	@Override
	public boolean delete(String key, String actor) {
		requireActor(key, actor);
		for (int attempt = 1;; attempt++) {
			VersionedFeature current = feature(key);
			if (current == null) {
				return false;
			}
			try {
				compareAndSet(key, current.version(), null,
						entry(key, AuditAction.DELETE, actor, current.definition(), null, null));
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
		if (percentage != null) {
			checkPercentage(key, percentage);
		}
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
		copy.forEach((name, weight) -> {
			if (weight < 0) {
				throw new IllegalArgumentException(
						"weight of variant '" + name + "' of flag '" + key + "' must not be negative, was " + weight);
			}
		});
		return modify(key, AuditAction.SET_VARIANT_WEIGHTS, actor, reason, (feature) -> withWeights(feature, copy));
	}

	private static FeatureDefinition withWeights(FeatureDefinition feature, Map<String, Integer> weights) {
		Set<String> unknown = new HashSet<>(weights.keySet());
		List<VariantDefinition> variants = new ArrayList<>();
		for (VariantDefinition variant : feature.variants()) {
			unknown.remove(variant.name());
			Integer weight = weights.get(variant.name());
			variants.add((weight != null)
					? new VariantDefinition(variant.name(), weight, variant.value(), variant.overrides()) : variant);
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("flag '" + feature.key() + "' has no variant(s) " + unknown
					+ "; its variants are " + feature.variants().stream().map(VariantDefinition::name).toList());
		}
		return feature.toBuilder().variants(variants).build();
	}

	@Override
	public void putSegment(String name, List<Condition> conditions, String actor) {
		Objects.requireNonNull(name, "name");
		List<Condition> copy = List.copyOf(conditions);
		writeSegment(name, copy,
				entry(name, AuditAction.PUT_SEGMENT, actor, null, null, copy.size() + " condition(s)"));
	}

	@Override
	public boolean deleteSegment(String name, String actor) {
		Objects.requireNonNull(name, "name");
		return writeSegment(name, null, entry(name, AuditAction.DELETE_SEGMENT, actor, null, null, null));
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
			try {
				AuditEntry entry = entry(key, action, actor, current.definition(), next, reason);
				return new VersionedFeature(next, compareAndSet(key, current.version(), next, entry));
			}
			catch (FeatureConflictException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
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
	 * Checks a rollout percentage: 0..100 with at most two decimals.
	 * @param key the flag key, for the message
	 * @param percentage the percentage
	 * @throws IllegalArgumentException when it is out of range
	 */
	static void checkPercentage(String key, double percentage) {
		if (!(percentage >= 0 && percentage <= 100)) {
			throw new IllegalArgumentException(
					"rollout of flag '" + key + "' must be between 0 and 100, was " + percentage);
		}
		if (BigDecimal.valueOf(percentage).stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(
					"rollout of flag '" + key + "' must have at most two decimals, was " + percentage);
		}
	}

}
