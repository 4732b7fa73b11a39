package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.model.FeatureSet;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Evaluates every flag of a set through every evaluation method, for the fuzz tests:
 * compiled directly (no store, no clock thread), so a campaign can run it a million
 * times.
 */
public final class FuzzEvaluation {

	private static final EvaluationRuntime RUNTIME = Evaluations
		.runtime(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), "production");

	private FuzzEvaluation() {
	}

	/**
	 * Compiles a set that has no problems.
	 * @param set the set
	 * @return the snapshot
	 */
	public static FeatureSnapshot compile(FeatureSet set) {
		return Evaluations.compile(set, RUNTIME);
	}

	/**
	 * Evaluates every flag of a snapshot for every context with every method.
	 * @param snapshot the snapshot
	 * @param contexts the contexts
	 */
	public static void evaluateAll(FeatureSnapshot snapshot, List<FeatureContext> contexts) {
		for (String key : snapshot.featureKeys()) {
			for (FeatureContext context : contexts) {
				snapshot.isEnabled(key, context);
				snapshot.evaluate(key, context);
				snapshot.variant(key, context);
				snapshot.getString(key, context, "");
				snapshot.getInt(key, context, 0);
				snapshot.getDouble(key, context, 0);
				snapshot.getBoolean(key, context, false);
				snapshot.getJson(key, context, JsonNodeFactory.instance.nullNode());
			}
		}
	}

}
