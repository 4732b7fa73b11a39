package io.flagstaff.openfeature;

import io.flagstaff.FeatureContext;

/**
 * Receives what {@code client.track(...)} reports: a conversion event for the user of the
 * mapped context. The experiments module's tracker fits as a method reference,
 * {@code FlagstaffProvider.builder(flagstaff).conversions(experimentTracker::track)}, and
 * credits the conversion to every experiment variant that user was exposed to. The
 * event's details (its value and attributes) are not passed on. Implementations must be
 * thread-safe and must not block; an exception they throw is logged and never reaches the
 * caller.
 */
@FunctionalInterface
public interface ConversionTracker {

	/**
	 * Records a conversion.
	 * @param event the event name, for example {@code purchase}
	 * @param context the user's context, mapped like an evaluation's
	 */
	void track(String event, FeatureContext context);

}
