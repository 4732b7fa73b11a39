package io.flagstaff.spring.openfeature;

import java.util.Objects;

import io.flagstaff.FeatureContext;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.openfeature.ConversionTracker;

/**
 * Credits {@code client.track(...)} conversions to the experiment tracker: the user's
 * conversion counts for every experiment variant they were exposed to. Thread-safe.
 */
public final class ExperimentConversions implements ConversionTracker {

	private final ExperimentTracker tracker;

	/**
	 * Creates the adapter.
	 * @param tracker the experiment tracker
	 */
	public ExperimentConversions(ExperimentTracker tracker) {
		this.tracker = Objects.requireNonNull(tracker, "tracker");
	}

	@Override
	public void track(String event, FeatureContext context) {
		this.tracker.track(event, context);
	}

}
