package io.flagstaff.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.Evaluation;
import io.flagstaff.Exposure;
import io.flagstaff.ExposureListener;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Reason;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An immutable compiled snapshot: the flags of one store revision (plus the overrides of
 * the moment), ready to evaluate without locks, I/O or logging. The next snapshot shares
 * the compiled flags that did not change ({@link SnapshotCompiler}). Thread-safe.
 */
final class CompiledSnapshot implements FeatureSnapshot {

	private final FeatureSet featureSet;

	private final Map<String, CompiledFeature> compiled;

	private final CompiledFeatureTable features;

	private final Set<String> keys;

	private final Map<String, String> overrides;

	private final long version;

	private final long storeRevision;

	private final EvaluationRuntime runtime;

	CompiledSnapshot(FeatureSet featureSet, Map<String, CompiledFeature> features, Map<String, String> overrides,
			long version, long storeRevision, EvaluationRuntime runtime) {
		this.featureSet = featureSet;
		this.compiled = Collections.unmodifiableMap(features);
		this.features = new CompiledFeatureTable(features);
		this.keys = Collections.unmodifiableSet(features.keySet());
		this.overrides = overrides;
		this.version = version;
		this.storeRevision = storeRevision;
		this.runtime = runtime;
	}

	@Override
	public long version() {
		return this.version;
	}

	long storeRevision() {
		return this.storeRevision;
	}

	/**
	 * Returns the compiled flags by key, in document order.
	 */
	Map<String, CompiledFeature> compiled() {
		return this.compiled;
	}

	/**
	 * Returns the overrides this snapshot was compiled with.
	 */
	Map<String, String> overrides() {
		return this.overrides;
	}

	/**
	 * Returns this snapshot under another version and store revision (the same flags).
	 */
	CompiledSnapshot relabelled(long version, long revision) {
		return new CompiledSnapshot(this.featureSet, this.compiled, this.overrides, version, revision, this.runtime);
	}

	@Override
	public Set<String> featureKeys() {
		return this.keys;
	}

	@Override
	public @Nullable FeatureDefinition definition(String key) {
		return this.featureSet.features().get(key);
	}

	@Override
	public FeatureSet featureSet() {
		return this.featureSet;
	}

	@Override
	public boolean isEnabled(String key, FeatureContext context) {
		CompiledFeature feature = find(key);
		return (feature != null) && Decision.on(decide(feature, context));
	}

	@Override
	public @Nullable String variant(String key, FeatureContext context) {
		CompiledFeature feature = find(key);
		return (feature != null) ? feature.variantName(decide(feature, context)) : null;
	}

	@Override
	public Evaluation evaluate(String key, FeatureContext context) {
		CompiledFeature feature = find(key);
		if (feature == null) {
			return new Evaluation(key, false, null, null, Reason.FLAG_NOT_FOUND, null, this.version);
		}
		long decision = decide(feature, context);
		return new Evaluation(key, Decision.on(decision), feature.variantName(decision), feature.value(decision),
				Decision.reason(decision), feature.ruleName(decision), this.version);
	}

	@Override
	public String getString(String key, FeatureContext context, String defaultValue) {
		return (servedValue(key, context) instanceof FeatureValue.Text text) ? text.value() : defaultValue;
	}

	@Override
	public int getInt(String key, FeatureContext context, int defaultValue) {
		if (servedValue(key, context) instanceof FeatureValue.Num number) {
			try {
				return number.value().intValueExact();
			}
			catch (ArithmeticException ex) {
				return defaultValue;
			}
		}
		return defaultValue;
	}

	@Override
	public double getDouble(String key, FeatureContext context, double defaultValue) {
		return (servedValue(key, context) instanceof FeatureValue.Num number) ? number.value().doubleValue()
				: defaultValue;
	}

	@Override
	public boolean getBoolean(String key, FeatureContext context, boolean defaultValue) {
		CompiledFeature feature = find(key);
		if (feature == null) {
			return defaultValue;
		}
		long decision = decide(feature, context);
		if (!Decision.on(decision)) {
			return false;
		}
		return (feature.value(decision) instanceof FeatureValue.Bool bool) ? bool.value() : true;
	}

	@Override
	public JsonNode getJson(String key, FeatureContext context, JsonNode defaultValue) {
		return (servedValue(key, context) instanceof FeatureValue.Json json) ? json.value() : defaultValue;
	}

	private @Nullable FeatureValue servedValue(String key, FeatureContext context) {
		CompiledFeature feature = find(key);
		if (feature == null) {
			return null;
		}
		long decision = decide(feature, context);
		return Decision.on(decision) ? feature.value(decision) : null;
	}

	private @Nullable CompiledFeature find(String key) {
		CompiledFeature feature = this.features.get(key);
		if (feature == null) {
			unknown(key);
		}
		return feature;
	}

	private long decide(CompiledFeature feature, FeatureContext context) {
		long decision = feature.decide(context, this.runtime);
		feature.record(decision);
		if (feature.track()) {
			expose(feature, decision, context);
		}
		return decision;
	}

	private void expose(CompiledFeature feature, long decision, FeatureContext context) {
		ExposureListener listener = this.runtime.exposureListener();
		if (listener == null) {
			return;
		}
		try {
			listener.onExposure(new Exposure(feature.key, Decision.on(decision), feature.variantName(decision),
					Decision.reason(decision), context.userId(), feature.bucketer.key(context, this.runtime),
					Instant.ofEpochMilli(this.runtime.coarseClock().millis()), this.version));
		}
		catch (RuntimeException ex) {
			// An exposure listener must not break evaluation; it is documented not to
			// throw.
		}
	}

	private void unknown(String key) {
		if (this.runtime.strict()) {
			List<String> closest = DidYouMean.closest(key, this.keys);
			throw new FeatureNotFoundException(key,
					"No flag has the key '" + key + "'"
							+ (closest.isEmpty() ? "" : "; closest known keys: " + String.join(", ", closest))
							+ ". Define the flag in the feature configuration or fix the key.");
		}
		this.runtime.countUnknown(key);
	}

}
