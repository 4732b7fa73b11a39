package io.flagstaff.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * Composes stores into one, from the highest priority down: test overrides, environment
 * overrides, the shared store, file defaults. A flag (or segment) defined in a higher
 * layer replaces the one with the same key below; environment overrides force flags
 * defined by the layers below them. Writes, versions and audit go to one writable layer
 * (the shared store by default); a write is checked on the layered view, so a flag in the
 * shared store may require a flag the defaults define, and a write that would break the
 * view is rejected. A layer that fails to load fails the whole load, so an evaluator
 * keeps its last good snapshot instead of falling back to the defaults alone.
 * Thread-safe.
 */
public final class LayeredFeatureStore extends ForwardingWritableFeatureStore {

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
		long[] revision = new long[1];
		FeatureSet merged = combine((layer) -> {
			StoreContent content = layer.load();
			revision[0] += content.revision();
			return content.features();
		});
		return new StoreContent(merged, revision[0]);
	}

	private FeatureSet combine(Function<FeatureStore, FeatureSet> read) {
		return combine(read, false);
	}

	/**
	 * Merges the layers as the evaluator sees them or, {@code bare}, the stored layers
	 * below the test overrides without the environment overrides: what remains once both
	 * are cleared.
	 */
	private FeatureSet combine(Function<FeatureStore, FeatureSet> read, boolean bare) {
		FeatureSet merged = FeatureSet.EMPTY;
		for (int i = this.below.size() - 1; i >= 0; i--) {
			merged = merge(merged, read.apply(this.below.get(i)));
		}
		if (bare) {
			return merged;
		}
		merged = this.environment.applyTo(merged);
		if (this.overrides != null) {
			merged = merge(merged, read.apply(this.overrides));
		}
		return merged;
	}

	private static FeatureSet merge(FeatureSet lower, FeatureSet upper) {
		Map<String, List<Condition>> segments = new LinkedHashMap<>(lower.segments());
		segments.putAll(upper.segments());
		Map<String, FeatureDefinition> features = new LinkedHashMap<>(lower.features());
		features.putAll(upper.features());
		return new FeatureSet(segments, features);
	}

	/**
	 * Subscribes to every layer. The revision of this store is the sum of the layers', so
	 * a layer's announced change says nothing about it: every change is passed on as one
	 * to read whole.
	 */
	@Override
	public AutoCloseable subscribe(StoreListener listener) {
		StoreListener whole = new StoreListener() {

			@Override
			public void changed() {
				listener.changed();
			}

			@Override
			public void failed(Exception failure) {
				listener.failed(failure);
			}

			@Override
			public void recovered() {
				listener.recovered();
			}

		};
		List<AutoCloseable> handles = new ArrayList<>();
		for (FeatureStore store : layers()) {
			handles.add(store.subscribe(whole));
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

	@Override
	WritableFeatureStore writable() {
		if (this.writable == null) {
			throw new FeatureStoreException(
					"This layered store has no writable layer; give it one with LayeredFeatureStore.builder().writeTo(store)");
		}
		return this.writable;
	}

	/**
	 * Runs an operation on the writable layer, its writes checked on the layered view:
	 * the writable layer's content merged with the others as {@link #load()} merges them.
	 * A write below the test overrides is also checked on the bare stored layers (no test
	 * or environment overrides), so a flag an override happens to redefine or force
	 * cannot hide a bad write that would surface once the override is cleared.
	 */
	@Override
	<T> T forward(Function<WritableFeatureStore, T> operation) {
		WritableFeatureStore target = writable();
		Map<FeatureStore, FeatureSet> others = new IdentityHashMap<>();
		Function<FeatureSet, Function<FeatureStore, FeatureSet>> layers = (own) -> (layer) -> (layer == target) ? own
				: others.computeIfAbsent(layer, (other) -> other.load().features());
		List<UnaryOperator<FeatureSet>> views = new ArrayList<>();
		views.add((own) -> combine(layers.apply(own), false));
		boolean overridden = this.overrides != null || !this.environment.equals(EnvironmentOverrides.NONE);
		if (overridden && target != this.overrides) {
			views.add((own) -> combine(layers.apply(own), true));
		}
		return WriteCheck.within(this, target, views, () -> operation.apply(target));
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
