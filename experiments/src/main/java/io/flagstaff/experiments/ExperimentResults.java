package io.flagstaff.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment's exposures and conversions per variant, as counted by an
 * {@link ExperimentTracker}. Immutable.
 *
 * @param feature the flag key
 * @param variants results by variant name, sorted by name ({@code on} / {@code off} for a
 * tracked flag without variants)
 */
public record ExperimentResults(String feature, Map<String, VariantResults> variants) {

	public ExperimentResults {
		Objects.requireNonNull(feature, "feature");
		variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
	}

	/**
	 * Returns one variant's results.
	 * @param variant the variant name
	 * @return the results; all zero when the variant was never served
	 */
	public VariantResults variant(String variant) {
		return this.variants.getOrDefault(variant, VariantResults.NONE);
	}

	/**
	 * What happened to the bucketing keys (users) assigned to one variant.
	 *
	 * @param exposedKeys distinct bucketing keys whose first exposure was to this variant
	 * @param exposures all exposures to this variant
	 * @param conversions conversion events by event name, every occurrence counted
	 * @param convertedKeys distinct keys that converted, by event name
	 */
	public record VariantResults(long exposedKeys, long exposures, Map<String, Long> conversions,
			Map<String, Long> convertedKeys) {

		/** Nothing counted. */
		public static final VariantResults NONE = new VariantResults(0, 0, Map.of(), Map.of());

		public VariantResults {
			conversions = Collections.unmodifiableMap(new LinkedHashMap<>(conversions));
			convertedKeys = Collections.unmodifiableMap(new LinkedHashMap<>(convertedKeys));
		}

		/**
		 * Returns the share of exposed keys that converted on an event.
		 * @param event the event name
		 * @return {@code convertedKeys(event) / exposedKeys}, or 0 when nobody was
		 * exposed
		 */
		public double conversionRate(String event) {
			return (this.exposedKeys != 0) ? (double) this.convertedKeys.getOrDefault(event, 0L) / this.exposedKeys
					: 0.0;
		}

	}

}
