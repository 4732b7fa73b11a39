package io.flagstaff.store;

import java.util.List;
import java.util.Map;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.Kill;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FeatureStore} that can be changed at runtime. Every flag carries a version
 * that grows by one with each write; updates name the version they expect, so two writers
 * never silently overwrite each other. Every write is audited
 * ({@link #audit(String, int)}) and announced to subscribers. A write that would make the
 * stored set invalid (as the evaluator compiles it) is rejected with a
 * {@link io.flagstaff.config.FeatureConfigException} listing the problems it adds, each
 * with its path and fix; nothing is stored or audited then. Problems already stored do
 * not block unrelated writes; switching a flag off is never rejected. Implementations are
 * thread-safe.
 */
public interface WritableFeatureStore extends FeatureStore {

	/**
	 * Reads one flag with its version.
	 * @param key the flag key
	 * @return the flag, or {@code null} when the store has no such flag
	 * @throws FeatureStoreException when the store cannot be read
	 */
	@Nullable VersionedFeature feature(String key);

	/**
	 * Adds a flag that does not exist yet.
	 * @param feature the flag
	 * @param actor who makes the change
	 * @return the stored flag, at version 1
	 * @throws FeatureConflictException when a flag with that key already exists
	 * @throws io.flagstaff.config.FeatureConfigException when the write would add
	 * problems to the stored set (nothing is stored then)
	 */
	VersionedFeature create(FeatureDefinition feature, String actor);

	/**
	 * Replaces a flag, provided nobody changed it since the caller read it.
	 * @param feature the new definition
	 * @param expectedVersion the version the caller read
	 * @param actor who makes the change
	 * @return the stored flag with its new version
	 * @throws FeatureConflictException when the stored version differs from
	 * {@code expectedVersion} (or the flag is gone): re-read and retry
	 * @throws io.flagstaff.config.FeatureConfigException when the write would add
	 * problems to the stored set (nothing is stored then)
	 */
	VersionedFeature update(FeatureDefinition feature, long expectedVersion, String actor);

	/**
	 * Removes a flag.
	 * @param key the flag key
	 * @param actor who makes the change
	 * @return whether the flag existed
	 * @throws io.flagstaff.config.FeatureConfigException when other flags require it
	 * (nothing is deleted then)
	 */
	boolean delete(String key, String actor);

	/**
	 * Switches a flag's master switch on and clears any automatic kill.
	 * @param key the flag key
	 * @param actor who makes the change
	 * @return the stored flag
	 * @throws io.flagstaff.config.FeatureConfigException when the write would add
	 * problems to the stored set (nothing is stored then)
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	VersionedFeature enable(String key, String actor);

	/**
	 * Switches a flag's master switch off.
	 * @param key the flag key
	 * @param actor who makes the change
	 * @return the stored flag
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	VersionedFeature disable(String key, String actor);

	/**
	 * Switches a flag off automatically, recording why (the health guard does this); the
	 * flag serves off with reason {@code KILLED} until {@link #enable(String, String)
	 * enabled}.
	 * @param key the flag key
	 * @param kill who switched it off and why
	 * @param actor who makes the change
	 * @return the stored flag
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	VersionedFeature disable(String key, Kill kill, String actor);

	/**
	 * Sets a flag's default rollout percentage.
	 * @param key the flag key
	 * @param percentage 0..100 with at most two decimals, or {@code null} for 100
	 * @param actor who makes the change
	 * @return the stored flag
	 * @throws io.flagstaff.config.FeatureConfigException when the percentage is out of
	 * range (path {@code features.<key>.rollout}; nothing is stored then)
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	VersionedFeature setRollout(String key, @Nullable Double percentage, String actor);

	/**
	 * Sets the weights of a flag's variants; variants not named keep their weight.
	 * @param key the flag key
	 * @param weights new weights by variant name
	 * @param actor who makes the change
	 * @return the stored flag
	 * @throws io.flagstaff.config.FeatureConfigException when a name is not a variant of
	 * the flag, a weight is negative or all weights would be 0 (nothing is stored then)
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor);

	/**
	 * Sets the weights of a flag's variants, recording why in the audit entry (the health
	 * guard does this when it takes a variant out of rotation). The default ignores the
	 * reason; the stores of this project record it.
	 * @param key the flag key
	 * @param weights new weights by variant name
	 * @param actor who makes the change
	 * @param reason why, for the audit entry, or {@code null}
	 * @return the stored flag
	 * @throws io.flagstaff.config.FeatureConfigException when a name is not a variant of
	 * the flag, a weight is negative or all weights would be 0 (nothing is stored then)
	 * @throws io.flagstaff.FeatureNotFoundException when the store has no such flag
	 */
	default VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor,
			@Nullable String reason) {
		return setVariantWeights(key, weights, actor);
	}

	/**
	 * Adds or replaces a named segment.
	 * @param name the segment name
	 * @param conditions the conditions, all of which must match
	 * @param actor who makes the change
	 * @throws io.flagstaff.config.FeatureConfigException when a condition is invalid
	 * (nothing is stored then)
	 */
	void putSegment(String name, List<Condition> conditions, String actor);

	/**
	 * Adds a named segment unless the store has one with that name, which is then left as
	 * it is. The default reads the store and then writes, which another writer can race;
	 * the stores of this project decide atomically, so that instances creating the same
	 * segment at once store it exactly once.
	 * @param name the segment name
	 * @param conditions the conditions, all of which must match
	 * @param actor who makes the change
	 * @return whether the segment was added ({@code false}: it existed)
	 * @throws io.flagstaff.config.FeatureConfigException when a condition is invalid
	 * (nothing is stored then)
	 */
	default boolean createSegment(String name, List<Condition> conditions, String actor) {
		if (load().features().segments().containsKey(name)) {
			return false;
		}
		putSegment(name, conditions, actor);
		return true;
	}

	/**
	 * Removes a named segment.
	 * @param name the segment name
	 * @param actor who makes the change
	 * @return whether the segment existed
	 * @throws io.flagstaff.config.FeatureConfigException when flags use it (nothing is
	 * deleted then)
	 */
	boolean deleteSegment(String name, String actor);

	/**
	 * Returns the latest audit entries of one flag (or segment), newest first.
	 * @param key the flag key or segment name
	 * @param limit the maximum number of entries
	 * @return the entries, possibly empty
	 */
	List<AuditEntry> audit(String key, int limit);

	/**
	 * Returns the latest audit entries of the whole store, newest first.
	 * @param limit the maximum number of entries
	 * @return the entries, possibly empty
	 */
	List<AuditEntry> audit(int limit);

}
