package io.flagstaff.internal;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Rule;
import org.jspecify.annotations.Nullable;

/**
 * A targeting rule with compiled conditions, its rollout in basis points, its bucketing
 * and its own variants when it has any. Immutable.
 */
final class CompiledRule {

	final String name;

	final CompiledCondition[] when;

	final Rule.Serve serve;

	/** The served variant's index (in {@link #variants} when set, else the flag's). */
	final int variant;

	final int rolloutBasisPoints;

	final boolean fallthrough;

	final Bucketer bucketer;

	/** Picks the variants of users this rule turns on. */
	final Bucketer variantBucketer;

	final @Nullable CompiledVariants variants;

	CompiledRule(String name, CompiledCondition[] when, Rule.Serve serve, int variant, int rolloutBasisPoints,
			boolean fallthrough, Bucketer bucketer, Bucketer variantBucketer, @Nullable CompiledVariants variants) {
		this.variantBucketer = variantBucketer;
		this.name = name;
		this.when = when;
		this.serve = serve;
		this.variant = variant;
		this.rolloutBasisPoints = rolloutBasisPoints;
		this.fallthrough = fallthrough;
		this.bucketer = bucketer;
		this.variants = variants;
	}

	boolean matches(FeatureContext context, EvaluationRuntime runtime) {
		return Conditions.SegmentMatch.allMatch(this.when, context, runtime);
	}

}
