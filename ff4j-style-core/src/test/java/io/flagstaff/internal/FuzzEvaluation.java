package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.model.FeatureSet;

/**
 * Compiles a set for the evaluation fuzz tests directly (no store, no clock thread), so a
 * campaign can evaluate it a million times.
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

}
