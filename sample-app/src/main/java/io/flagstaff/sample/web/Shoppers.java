package io.flagstaff.sample.web;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureScope;

/**
 * The current shopper as Flagstaff sees them: the context and snapshot the starter pinned
 * for this request (from the authenticated user and the {@code X-User-Id},
 * {@code X-Region}, {@code X-Account-Type} and {@code X-Beta} headers).
 */
final class Shoppers {

	private Shoppers() {
	}

	static FeatureScope scope(Flagstaff flagstaff) {
		return FeatureScope.currentOrPin(flagstaff);
	}

	static FeatureContext context(Flagstaff flagstaff) {
		return scope(flagstaff).context();
	}

	static FeatureSnapshot snapshot(Flagstaff flagstaff) {
		return scope(flagstaff).snapshot();
	}

}
