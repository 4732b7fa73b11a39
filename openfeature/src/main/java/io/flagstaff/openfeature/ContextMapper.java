package io.flagstaff.openfeature;

import dev.openfeature.sdk.EvaluationContext;
import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns the evaluation context of an OpenFeature call (already merged by the SDK from the
 * API, transaction, client, invocation and hook levels) into the {@link FeatureContext}
 * Flagstaff evaluates. Replace the {@link #standard() standard} rule when an application
 * names its attributes differently. Implementations must be thread-safe, must not block
 * and must not modify the context.
 */
@FunctionalInterface
public interface ContextMapper {

	/**
	 * Maps a context.
	 * @param context the merged OpenFeature context, possibly empty
	 * @param base the context of the work in progress (the request's, from a
	 * {@link ScopeSource}) that the OpenFeature context adds to and overrides, or
	 * {@code null}
	 * @return the Flagstaff context, never {@code null}
	 */
	FeatureContext map(EvaluationContext context, @Nullable FeatureContext base);

	/**
	 * Returns the documented rule: the targeting key is the user id; every other entry is
	 * an attribute of the same name (so {@code sessionId} and {@code environment} set
	 * those fields), its value as text (booleans {@code true}/{@code false}, whole
	 * numbers without a fraction, other numbers in plain decimal notation, instants in
	 * ISO-8601); a structure contributes each entry under {@code name.entry},
	 * recursively; a list contributes its scalar elements joined with commas under its
	 * own name and each structure or list element under {@code name[i]}; a null value is
	 * an absent attribute. The OpenFeature context's entries override the base context's,
	 * and its targeting key overrides a {@code userId} entry.
	 * @return the standard mapper
	 */
	static ContextMapper standard() {
		return StandardContextMapper.INSTANCE;
	}

}
