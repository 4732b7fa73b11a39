package io.flagstaff.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Kill;
import org.jspecify.annotations.Nullable;

/**
 * Composes stores into one, from the highest priority down: test overrides, environment
 * overrides, the shared store, file defaults. A flag (or segment) defined in a higher
 * layer replaces the one with the same key below; environment overrides force flags
 * defined by the layers below them. Writes, versions and audit go to one writable layer
 * (the shared store by default). A layer that fails to load fails the whole load, so an
 * evaluator keeps its last good snapshot instead of falling back to the defaults alone.
 * Thread-safe.
 */
public final class LayeredFeatureStore implements WritableFeatureStore {

	private final @Nullable FeatureStore overrides;

	private final EnvironmentOverrides environment;

	private final List<FeatureStore> below;

	private final @Nullable WritableFeatureStore writable;

	private LayeredFeatureStore(Builder builder) {
		this.overrides = builder.overrides;
		this.environment = builder.environment;
		List<FeatureStore> layers = new ArrayList<>();
		if (builder.shared != null) {
			layers.add(builder.shared);
		}
		if (builder.defaults != null) {
			layers.add(builder.defaults);
		}
		this.below = List.copyOf(layers);
		this.writable = (builder.writeTo != null) ? builder.writeTo : firstWritable(builder);
	}

	private static @Nullable WritableFeatureStore firstWritable(Builder builder) {
		for (FeatureStore store : new FeatureStore[] { builder.shared, builder.overrides, builder.defaults }) {
			if (store instanceof WritableFeatureStore candidate) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Starts building a layered store.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public StoreContent load() {
		long revision = 0;
		FeatureSet merged = FeatureSet.EMPTY;
		for (int i = this.below.size() - 1; i >= 0; i--) {
			StoreContent content = this.below.get(i).load();
			merged = merge(merged, content.features());
			revision += content.revision();
		}
		merged = this.environment.applyTo(merged);
		if (this.overrides != null) {
			StoreContent content = this.overrides.load();
			merged = merge(merged, content.features());
			revision += content.revision();
		}
		return new StoreContent(merged, revision);
	}

	private static FeatureSet merge(FeatureSet lower, FeatureSet upper) {
		Map<String, List<Condition>> segments = new LinkedHashMap<>(lower.segments());
		segments.putAll(upper.segments());
		Map<String, FeatureDefinition> features = new LinkedHashMap<>(lower.features());
		features.putAll(upper.features());
		return new FeatureSet(segments, features);
	}

	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		List<AutoCloseable> handles = new ArrayList<>();
		for (FeatureStore store : layers()) {
			handles.add(store.subscribe(listener));
		}
		return () -> {
			for (AutoCloseable handle : handles) {
				handle.close();
			}
		};
	}

	private List<FeatureStore> layers() {
		List<FeatureStore> layers = new ArrayList<>(this.below);
		if (this.overrides != null) {
			layers.add(0, this.overrides);
		}
		return layers;
	}

	@Override
	public void close() {
		for (FeatureStore store : layers()) {
			store.close();
		}
	}

	private WritableFeatureStore writable() {
		if (this.writable == null) {
			throw new FeatureStoreException(
					"This layered store has no writable layer; give it one with LayeredFeatureStore.builder().writeTo(store)");
		}
		return this.writable;
	}

	/**
	 * Reads a flag with its version from the writable layer (not the merged view).
	 * @param key the flag key
	 * @return the flag, or {@code null}
	 */
	@Override
	public @Nullable VersionedFeature feature(String key) {
		return writable().feature(key);
	}

	@Override
	public VersionedFeature create(FeatureDefinition feature, String actor) {
		return writable().create(feature, actor);
	}

	@Override
	public VersionedFeature update(FeatureDefinition feature, long expectedVersion, String actor) {
		return writable().update(feature, expectedVersion, actor);
	}

	@Override
	public boolean delete(String key, String actor) {
		return writable().delete(key, actor);
	}

	@Override
	public VersionedFeature enable(String key, String actor) {
		return writable().enable(key, actor);
	}

	@Override
	public VersionedFeature disable(String key, String actor) {
		return writable().disable(key, actor);
	}

	@Override
	public VersionedFeature disable(String key, Kill kill, String actor) {
		return writable().disable(key, kill, actor);
	}

	@Override
	public VersionedFeature setRollout(String key, @Nullable Double percentage, String actor) {
		return writable().setRollout(key, percentage, actor);
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor) {
		return writable().setVariantWeights(key, weights, actor);
	}

	@Override
	public VersionedFeature setVariantWeights(String key, Map<String, Integer> weights, String actor,
			@Nullable String reason) {
		return writable().setVariantWeights(key, weights, actor, reason);
	}

	@Override
	public void putSegment(String name, List<Condition> conditions, String actor) {
		writable().putSegment(name, conditions, actor);
	}

	@Override
	public boolean deleteSegment(String name, String actor) {
		return writable().deleteSegment(name, actor);
	}

	@Override
	public List<AuditEntry> audit(String key, int limit) {
		return writable().audit(key, limit);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return writable().audit(limit);
	}

	@Override
	public String toString() {
		return "layered store over " + layers();
	}

	/**
	 * Builds a {@link LayeredFeatureStore}; every layer is optional. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable FeatureStore overrides;

		private EnvironmentOverrides environment = EnvironmentOverrides.NONE;

		private @Nullable FeatureStore shared;

		private @Nullable FeatureStore defaults;

		private @Nullable WritableFeatureStore writeTo;

		private Builder() {
		}

		/**
		 * Sets the top layer, for tests (an {@link InMemoryFeatureStore} for example).
		 * @param overrides the store
		 * @return this builder
		 */
		public Builder overrides(FeatureStore overrides) {
			this.overrides = Objects.requireNonNull(overrides, "overrides");
			return this;
		}

		/**
		 * Sets the environment overrides, applied above the shared store and the
		 * defaults.
		 * @param environment the overrides, for example
		 * {@link EnvironmentOverrides#fromSystem()}
		 * @return this builder
		 */
		public Builder environment(EnvironmentOverrides environment) {
			this.environment = Objects.requireNonNull(environment, "environment");
			return this;
		}

		/**
		 * Sets the shared store (a database or Redis), the default writable layer.
		 * @param shared the store
		 * @return this builder
		 */
		public Builder shared(FeatureStore shared) {
			this.shared = Objects.requireNonNull(shared, "shared");
			return this;
		}

		/**
		 * Sets the bottom layer (a file or classpath resource shipped with the
		 * application).
		 * @param defaults the store
		 * @return this builder
		 */
		public Builder defaults(FeatureStore defaults) {
			this.defaults = Objects.requireNonNull(defaults, "defaults");
			return this;
		}

		/**
		 * Sets the layer writes go to; by default the first writable of shared, overrides
		 * and defaults.
		 * @param writeTo one of the layers
		 * @return this builder
		 */
		public Builder writeTo(WritableFeatureStore writeTo) {
			this.writeTo = Objects.requireNonNull(writeTo, "writeTo");
			return this;
		}

		/**
		 * Builds the store.
		 * @return the store
		 * @throws IllegalArgumentException when {@code writeTo} is not one of the layers
		 */
		public LayeredFeatureStore build() {
			if (this.writeTo != null && this.writeTo != this.shared && this.writeTo != this.overrides
					&& this.writeTo != this.defaults) {
				throw new IllegalArgumentException("writeTo must be one of the layers (overrides, shared, defaults)");
			}
			return new LayeredFeatureStore(this);
		}

	}

}
