package io.flagstaff.openfeature;

import java.util.Objects;
import java.util.function.Supplier;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import dev.openfeature.sdk.exceptions.ParseError;
import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureConfigException;
import org.jspecify.annotations.Nullable;

/**
 * The OpenFeature provider backed by a {@link Flagstaff}: every OpenFeature evaluation is
 * a Flagstaff evaluation (counted in usage statistics, exposures and the health guard's
 * traffic like a direct call), answered with a value typed against the type the flag's
 * variants declare, a variant, an OpenFeature reason, error codes and the flag's metadata
 * (the mapping is documented in {@code docs/openfeature.md}). Events: {@code READY} once
 * the first snapshot serves, {@code CONFIGURATION_CHANGED} with the changed keys on every
 * snapshot swap, {@code STALE} while the store is down or its content invalid, and
 * {@code READY} again after; {@code client.track(...)} reaches the
 * {@link ConversionTracker}.
 * <p>
 * Over an existing {@code Flagstaff} ({@link #of(Flagstaff)}) the provider evaluates from
 * the start and never closes it. Over a factory ({@link #builder(Supplier)}) it builds
 * its {@code Flagstaff} in {@link #initialize(EvaluationContext)}: an invalid document
 * fails with {@code PARSE_ERROR} and an unreachable store with {@code GENERAL} (the
 * provider is then in {@code ERROR}, answering every call with that error and message),
 * and it closes the {@code Flagstaff} on {@link #shutdown()}. A provider that was shut
 * down cannot be initialized again ({@code FATAL}). Thread-safe; evaluation takes no lock
 * and, for a result that does not depend on the caller's default, shares one immutable
 * result object per flag, variant and reason.
 */
public final class FlagstaffProvider extends EventProvider {

	/** The provider's name, as {@link #getMetadata()} reports it. */
	public static final String NAME = "flagstaff";

	private static final System.Logger logger = System.getLogger(FlagstaffProvider.class.getName());

	private static final Metadata METADATA = () -> NAME;

	private final @Nullable Supplier<Flagstaff> factory;

	private final ContextMapper mapper;

	private final @Nullable ScopeSource scopes;

	private final @Nullable ConversionTracker conversions;

	private final Object lifecycle = new Object();

	private volatile @Nullable Flagstaff flagstaff;

	private volatile @Nullable Catalog catalog;

	private volatile @Nullable OpenFeatureError failure;

	private @Nullable AutoCloseable subscription;

	private boolean shutDown;

	private FlagstaffProvider(Builder builder) {
		this.factory = builder.factory;
		this.mapper = builder.mapper;
		this.scopes = builder.scopes;
		this.conversions = builder.conversions;
		this.flagstaff = builder.flagstaff;
	}

	/**
	 * Creates a provider over an existing {@code Flagstaff}, with the standard context
	 * mapping, no scope source and no conversion tracker.
	 * @param flagstaff the flagstaff; the provider never closes it
	 * @return the provider
	 */
	public static FlagstaffProvider of(Flagstaff flagstaff) {
		return builder(flagstaff).build();
	}

	/**
	 * Starts a provider over an existing {@code Flagstaff}.
	 * @param flagstaff the flagstaff; the provider never closes it
	 * @return a builder
	 */
	public static Builder builder(Flagstaff flagstaff) {
		return new Builder(Objects.requireNonNull(flagstaff, "flagstaff"), null);
	}

	/**
	 * Starts a provider that builds its {@code Flagstaff} when initialized and closes it
	 * when shut down.
	 * @param factory builds the flagstaff, for example
	 * {@code () -> Flagstaff.builder(store).build()}
	 * @return a builder
	 */
	public static Builder builder(Supplier<Flagstaff> factory) {
		return new Builder(null, Objects.requireNonNull(factory, "factory"));
	}

	@Override
	public Metadata getMetadata() {
		return METADATA;
	}

	/**
	 * Returns the {@code Flagstaff} the provider evaluates with.
	 * @return the flagstaff, or {@code null} before a factory-built one is initialized
	 */
	public @Nullable Flagstaff flagstaff() {
		return this.flagstaff;
	}

	@Override
	public void initialize(EvaluationContext evaluationContext) throws Exception {
		synchronized (this.lifecycle) {
			if (this.shutDown) {
				throw new FatalError("This FlagstaffProvider was shut down and cannot be initialized again; "
						+ "register a new FlagstaffProvider instead");
			}
			if (this.subscription != null) {
				return;
			}
			Flagstaff flagstaff = (this.factory != null) ? build(this.factory) : this.flagstaff;
			Objects.requireNonNull(flagstaff, "flagstaff");
			this.failure = null;
			this.flagstaff = flagstaff;
			EventBridge bridge = new EventBridge(this, flagstaff);
			AutoCloseable listening = flagstaff.addListener(bridge);
			this.subscription = () -> {
				listening.close();
				bridge.close();
			};
		}
	}

	private Flagstaff build(Supplier<Flagstaff> factory) {
		try {
			return Objects.requireNonNull(factory.get(), "the Flagstaff factory returned null");
		}
		catch (FeatureConfigException ex) {
			throw failed(new ParseError("The flags cannot be read, so the provider answers every call with its "
					+ "default: " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			throw failed(new GeneralError("The Flagstaff could not be built (" + ex
					+ "), so the provider answers every call with its default; fix the store and register the provider again"));
		}
	}

	private OpenFeatureError failed(OpenFeatureError error) {
		this.failure = error;
		return error;
	}

	@Override
	public void shutdown() {
		synchronized (this.lifecycle) {
			this.shutDown = true;
			close(this.subscription);
			this.subscription = null;
			Flagstaff flagstaff = this.flagstaff;
			if (this.factory != null && flagstaff != null) {
				flagstaff.close();
				this.flagstaff = null;
			}
		}
		super.shutdown();
	}

	private static void close(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.log(System.Logger.Level.WARNING, "Failed to stop listening to Flagstaff's events", ex);
		}
	}

	@Override
	public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.BOOLEAN, key, defaultValue, ctx);
	}

	@Override
	public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.STRING, key, defaultValue, ctx);
	}

	@Override
	public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.INTEGER, key, defaultValue, ctx);
	}

	@Override
	public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.LONG, key, defaultValue, ctx);
	}

	@Override
	public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.DOUBLE, key, defaultValue, ctx);
	}

	@Override
	public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
		return resolve(FlagValueType.OBJECT, key, defaultValue, ctx);
	}

	private <T> ProviderEvaluation<T> resolve(FlagValueType type, String key, T defaultValue,
			@Nullable EvaluationContext ctx) {
		Flagstaff flagstaff = this.flagstaff;
		if (flagstaff == null) {
			return notReady(defaultValue);
		}
		try {
			ScopeSource.Scope scope = (this.scopes != null) ? this.scopes.current() : null;
			FeatureSnapshot snapshot = (scope != null) ? scope.snapshot() : flagstaff.snapshot();
			FlagView view = catalog(snapshot).view(key);
			if (view == null) {
				return notFound(snapshot, key, defaultValue);
			}
			FeatureContext base = (scope != null) ? scope.context() : null;
			FeatureContext context = view.needsContext() ? map(ctx, base)
					: (base != null) ? base : FeatureContext.empty();
			Evaluation evaluation = snapshot.evaluate(key, context);
			return view.result(type, evaluation, defaultValue, flagstaff);
		}
		catch (FeatureNotFoundException ex) {
			return Results.error(defaultValue, ErrorCode.FLAG_NOT_FOUND, String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			return Results.error(defaultValue, ErrorCode.GENERAL,
					"Evaluating flag '" + key + "' failed: " + ex + "; the caller's default was returned");
		}
	}

	private FeatureContext map(@Nullable EvaluationContext ctx, @Nullable FeatureContext base) {
		return this.mapper.map((ctx != null) ? ctx : ImmutableContext.EMPTY, base);
	}

	private <T> ProviderEvaluation<T> notReady(T defaultValue) {
		OpenFeatureError failure = this.failure;
		if (failure != null) {
			return Results.error(defaultValue, failure.getErrorCode(), String.valueOf(failure.getMessage()));
		}
		return Results.error(defaultValue, ErrorCode.PROVIDER_NOT_READY,
				"The FlagstaffProvider is not initialized (or was shut down): register it with OpenFeatureAPI first");
	}

	private static <T> ProviderEvaluation<T> notFound(FeatureSnapshot snapshot, String key, T defaultValue) {
		// counted among the unknown keys (strict mode throws), as a direct call is
		snapshot.isEnabled(key, FeatureContext.empty());
		StringBuilder message = new StringBuilder("No flag has the key '").append(key).append('\'');
		var closest = snapshot.closestKeys(key, 3);
		if (!closest.isEmpty()) {
			message.append("; closest known keys: ").append(String.join(", ", closest));
		}
		message.append(". Define the flag in the feature configuration or fix the key.");
		return Results.error(defaultValue, ErrorCode.FLAG_NOT_FOUND, message.toString());
	}

	/**
	 * Returns the catalog of a snapshot: the latest, the one it replaced (for work pinned
	 * to an older snapshot), or a new one.
	 */
	private Catalog catalog(FeatureSnapshot snapshot) {
		Catalog latest = this.catalog;
		if (latest != null && latest.snapshot == snapshot) {
			return latest;
		}
		Catalog previous = (latest != null) ? latest.previous : null;
		if (previous != null && previous.snapshot == snapshot) {
			return previous;
		}
		synchronized (this.lifecycle) {
			latest = this.catalog;
			if (latest != null && latest.snapshot == snapshot) {
				return latest;
			}
			Catalog created = new Catalog(snapshot);
			if (latest == null || snapshot.version() > latest.snapshot.version()) {
				if (latest != null) {
					latest.previous = null;
				}
				created.previous = latest;
				this.catalog = created;
			}
			return created;
		}
	}

	@Override
	public void track(String eventName, EvaluationContext context, TrackingEventDetails details) {
		ConversionTracker tracker = this.conversions;
		if (tracker == null) {
			return;
		}
		try {
			ScopeSource.Scope scope = (this.scopes != null) ? this.scopes.current() : null;
			tracker.track(eventName, map(context, (scope != null) ? scope.context() : null));
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "The conversion tracker failed on event '" + eventName + "'", ex);
		}
	}

	/**
	 * Builds a {@link FlagstaffProvider}. Not thread-safe.
	 */
	public static final class Builder {

		private final @Nullable Flagstaff flagstaff;

		private final @Nullable Supplier<Flagstaff> factory;

		private ContextMapper mapper = ContextMapper.standard();

		private @Nullable ScopeSource scopes;

		private @Nullable ConversionTracker conversions;

		private Builder(@Nullable Flagstaff flagstaff, @Nullable Supplier<Flagstaff> factory) {
			this.flagstaff = flagstaff;
			this.factory = factory;
		}

		/**
		 * Sets how an OpenFeature context becomes a {@link FeatureContext}.
		 * @param mapper the mapper (default: {@link ContextMapper#standard()})
		 * @return this builder
		 */
		public Builder contextMapper(ContextMapper mapper) {
			this.mapper = Objects.requireNonNull(mapper, "mapper");
			return this;
		}

		/**
		 * Sets where the work in progress (a request's pinned snapshot and context) is
		 * found.
		 * @param scopes the scope source, or {@code null} for none (default)
		 * @return this builder
		 */
		public Builder scopes(@Nullable ScopeSource scopes) {
			this.scopes = scopes;
			return this;
		}

		/**
		 * Sets who receives {@code client.track(...)} conversions, for example
		 * {@code experimentTracker::track}.
		 * @param conversions the tracker, or {@code null} to ignore tracking events
		 * (default)
		 * @return this builder
		 */
		public Builder conversions(@Nullable ConversionTracker conversions) {
			this.conversions = conversions;
			return this;
		}

		/**
		 * Builds the provider.
		 * @return the provider; register it with {@code OpenFeatureAPI}
		 */
		public FlagstaffProvider build() {
			return new FlagstaffProvider(this);
		}

	}

}
