package io.flagstaff.store;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.Kill;
import org.jspecify.annotations.Nullable;

/**
 * A store that hands every {@link WritableFeatureStore} operation to another store, for
 * the stores that wrap or compose others. Thread-safe when the subclass is.
 */
abstract class ForwardingWritableFeatureStore implements WritableFeatureStore {

	/**
	 * Returns the store writes go to.
	 * @return the store
	 * @throws FeatureStoreException when there is none
	 */
	abstract WritableFeatureStore writable();

	/**
	 * Runs one operation on the {@link #writable()} store; a subclass may wrap it.
	 * @param operation the operation
	 * @return what it returns
	 */
	<T> T forward(Function<WritableFeatureStore, T> operation) {
		WritableFeatureStore target = writable();
		return WriteCheck.within(this, target, List.of(), () -> operation.apply(target));
	}

	@Override
	public @Nullable VersionedFeature feature(String key) {
		return forward((store) -> store.feature(key));
	}

	@Override
	public VersionedFeature create(FeatureDefinition feature, String actor) {
		return forward((store) -> store.create(feature, actor));
	}

	@Override
	public VersionedFeature update(FeatureDefinition feature, long expectedVersion, String actor) {
		return forward((store) -> store.update(feature, expectedVersion, actor));
	}

	@Override
	public boolean delete(String key, String actor) {
		return forward((store) -> store.delete(key, actor));
	}

	@Override
	public VersionedFeature enable(String key, String actor) {
		return forward((store) -> store.enable(key, actor));
	}

	@Override
	public VersionedFeature disable(String key, String actor) {
		return forward((store) -> store.disable(key, actor));
	}

	@Override
	public VersionedFeature disable(String key, Kill kill, String actor) {
		return forward((store) -> store.disable(key, kill, actor));
	}

	@Override
	public VersionedFeature setRollout(String key, @Nullable Double percentage, String actor) {
		return forward((store) -> store.setRollout(key, percentage, actor));
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor) {
		return forward((store) -> store.setVariantWeights(key, weights, actor));
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor,
			@Nullable String reason) {
		return forward((store) -> store.setVariantWeights(key, weights, actor, reason));
	}

	@Override
	public void putSegment(String name, List<Condition> conditions, String actor) {
		forward((store) -> {
			store.putSegment(name, conditions, actor);
			return null;
		});
	}

	@Override
	public boolean createSegment(String name, List<Condition> conditions, String actor) {
		return forward((store) -> store.createSegment(name, conditions, actor));
	}

	@Override
	public boolean deleteSegment(String name, String actor) {
		return forward((store) -> store.deleteSegment(name, actor));
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return forward((store) -> store.audit(key, limit));
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return forward((store) -> store.audit(limit));
	}

}
