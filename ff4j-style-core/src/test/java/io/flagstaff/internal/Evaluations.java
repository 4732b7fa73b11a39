package io.flagstaff.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;

/**
 * Test helpers that compile feature sets and conditions directly.
 */
final class Evaluations {

	private Evaluations() {
	}

	static EvaluationRuntime runtime(Clock clock, String environment) {
		return new EvaluationRuntime(environment, clock, false, new CoarseClock(clock), null, true);
	}

	static CompiledSnapshot compile(FeatureSet set, EvaluationRuntime runtime) {
		return SnapshotCompiler.compile(null, set, Map.of(), 1, 1, runtime, "test");
	}

	static Condition.Attribute when(String attribute, Operator operator, String... values) {
		return new Condition.Attribute(attribute, operator, List.of(values), false, false);
	}

	/**
	 * Returns whether one condition matches a context, through a flag that is on only
	 * when its single rule matches.
	 */
	static boolean matches(Condition condition, FeatureContext context, EvaluationRuntime runtime) {
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.rule(Rule.serve(List.of(condition), true))
			.rollout(0.0)
			.build();
		return compile(FeatureSet.of(flag), runtime).isEnabled("f", context);
	}

}
