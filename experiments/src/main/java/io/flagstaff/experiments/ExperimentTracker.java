package io.flagstaff.experiments;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.Exposure;
import io.flagstaff.ExposureListener;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.FeatureDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Attributes conversions to experiment variants. Register it with an
 * {@link ExposureQueue}: it remembers, per tracked flag, the variant each bucketing key
 * was first exposed to. Then {@link #track(String, FeatureContext)} counts a conversion
 * event for every variant that context was exposed to, found by the flag's bucketing
 * attribute (and its fallbacks), and {@link #results(String)} reads an experiment back.
 * <p>
 * Exposures arrive asynchronously: a conversion tracked before its exposure was delivered
 * is not attributed. At most {@code maxKeysPerFeature} keys are remembered per flag;
 * exposures of further keys are counted in {@link #untracked()} but not assigned.
 * Thread-safe.
 */
public final class ExperimentTracker implements ExposureListener {

	/** The default number of bucketing keys remembered per flag. */
	public static final int DEFAULT_MAX_KEYS_PER_FEATURE = 1_000_000;

	private final Flagstaff flagstaff;

	private final int maxKeysPerFeature;

	private final ConcurrentMap<String, Experiment> experiments = new ConcurrentHashMap<>();

	private final LongAdder untracked = new LongAdder();

	/**
	 * Creates a tracker remembering up to {@link #DEFAULT_MAX_KEYS_PER_FEATURE} keys per
	 * flag.
	 * @param flagstaff where the flags' bucketing attributes are read
	 */
	public ExperimentTracker(Flagstaff flagstaff) {
		this(flagstaff, DEFAULT_MAX_KEYS_PER_FEATURE);
	}

	/**
	 * Creates a tracker.
	 * @param flagstaff where the flags' bucketing attributes are read
	 * @param maxKeysPerFeature how many bucketing keys to remember per flag
	 * @throws IllegalArgumentException when {@code maxKeysPerFeature} is not positive
	 */
	public ExperimentTracker(Flagstaff flagstaff, int maxKeysPerFeature) {
		this.flagstaff = Objects.requireNonNull(flagstaff, "flagstaff");
		if (maxKeysPerFeature < 1) {
			throw new IllegalArgumentException("maxKeysPerFeature must be at least 1, but was " + maxKeysPerFeature);
		}
		this.maxKeysPerFeature = maxKeysPerFeature;
	}

	/**
	 * Remembers an exposure. An exposure without a bucketing key is counted in
	 * {@link #untracked()}.
	 * @param exposure the exposure
	 */
	@Override
	public void onExposure(Exposure exposure) {
		String key = exposure.bucketingKey();
		if (key == null) {
			this.untracked.increment();
			return;
		}
		String variant = (exposure.variant() != null) ? exposure.variant() : (exposure.enabled() ? "on" : "off");
		Experiment experiment = this.experiments.computeIfAbsent(exposure.key(), (feature) -> new Experiment());
		if (!experiment.expose(key, variant, this.maxKeysPerFeature)) {
			this.untracked.increment();
		}
	}

	/**
	 * Records a conversion event for every experiment variant the context was exposed to.
	 * @param event the event name, for example {@code purchase}
	 * @param context the context, identifying the user by the flags' bucketing attributes
	 * @return the number of experiments the conversion was attributed to
	 */
	public int track(String event, FeatureContext context) {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(context, "context");
		int attributed = 0;
		for (Map.Entry<String, Experiment> entry : this.experiments.entrySet()) {
			String key = bucketingKey(entry.getKey(), context);
			if (key != null && entry.getValue().convert(key, event)) {
				attributed++;
			}
		}
		return attributed;
	}

	/**
	 * Reads an experiment's results.
	 * @param feature the flag key
	 * @return the results; without variants when nothing was exposed
	 */
	public ExperimentResults results(String feature) {
		Experiment experiment = this.experiments.get(feature);
		return new ExperimentResults(feature, (experiment != null) ? experiment.results() : Map.of());
	}

	/**
	 * Returns how many exposures could not be assigned (no bucketing key, or too many
	 * keys).
	 * @return the count since creation
	 */
	public long untracked() {
		return this.untracked.sum();
	}

	private @Nullable String bucketingKey(String feature, FeatureContext context) {
		FeatureDefinition definition = this.flagstaff.snapshot().definition(feature);
		Bucketing bucketing = (definition != null) ? definition.bucketing() : Bucketing.DEFAULT;
		String key = context.attribute(bucketing.bucketByOrUserId());
		if (key != null) {
			return key;
		}
		for (String fallback : bucketing.fallback()) {
			String value = Bucketing.RANDOM.equals(fallback) ? null : context.attribute(fallback);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * One flag's assignments and counts.
	 */
	private static final class Experiment {

		private final ConcurrentMap<String, Assignment> assignments = new ConcurrentHashMap<>();

		private final ConcurrentMap<String, Counts> counts = new ConcurrentHashMap<>();

		boolean expose(String key, String variant, int maxKeys) {
			Assignment assignment = this.assignments.get(key);
			if (assignment == null) {
				if (this.assignments.size() >= maxKeys) {
					return false;
				}
				Assignment created = new Assignment(variant);
				assignment = this.assignments.putIfAbsent(key, created);
				if (assignment == null) {
					assignment = created;
					counts(variant).exposedKeys.increment();
				}
			}
			counts(variant).exposures.increment();
			return true;
		}

		boolean convert(String key, String event) {
			Assignment assignment = this.assignments.get(key);
			if (assignment == null) {
				return false;
			}
			Counts counts = counts(assignment.variant);
			counts.conversions.computeIfAbsent(event, (name) -> new LongAdder()).increment();
			if (assignment.converted.add(event)) {
				counts.convertedKeys.computeIfAbsent(event, (name) -> new LongAdder()).increment();
			}
			return true;
		}

		Map<String, ExperimentResults.VariantResults> results() {
			Map<String, ExperimentResults.VariantResults> results = new TreeMap<>();
			this.counts.forEach((variant, counts) -> results.put(variant, counts.results()));
			return results;
		}

		private Counts counts(String variant) {
			return this.counts.computeIfAbsent(variant, (name) -> new Counts());
		}

	}

	/**
	 * The variant a key was first exposed to and the events it converted on.
	 */
	private static final class Assignment {

		final String variant;

		final Set<String> converted = ConcurrentHashMap.newKeySet();

		Assignment(String variant) {
			this.variant = variant;
		}

	}

	/**
	 * The counters of one variant.
	 */
	private static final class Counts {

		final LongAdder exposedKeys = new LongAdder();

		final LongAdder exposures = new LongAdder();

		final ConcurrentMap<String, LongAdder> conversions = new ConcurrentHashMap<>();

		final ConcurrentMap<String, LongAdder> convertedKeys = new ConcurrentHashMap<>();

		ExperimentResults.VariantResults results() {
			Map<String, Long> conversionCounts = new TreeMap<>();
			this.conversions.forEach((event, count) -> conversionCounts.put(event, count.sum()));
			Map<String, Long> convertedCounts = new TreeMap<>();
			this.convertedKeys.forEach((event, count) -> convertedCounts.put(event, count.sum()));
			return new ExperimentResults.VariantResults(this.exposedKeys.sum(), this.exposures.sum(), conversionCounts,
					convertedCounts);
		}

	}

}
