package io.flagstaff.internal;

import io.flagstaff.FeatureContext;

/**
 * A condition compiled from configuration: operands parsed once, evaluated without
 * parsing them again. Immutable and thread-safe; never throws.
 */
abstract class CompiledCondition {

	private final boolean negate;

	CompiledCondition(boolean negate) {
		this.negate = negate;
	}

	/**
	 * Returns whether the condition holds, negation applied.
	 */
	final boolean matches(FeatureContext context, EvaluationRuntime runtime) {
		return test(context, runtime) != this.negate;
	}

	/**
	 * Returns whether the condition holds before negation; {@code false} when the
	 * attribute is missing or unparsable.
	 */
	abstract boolean test(FeatureContext context, EvaluationRuntime runtime);

}
