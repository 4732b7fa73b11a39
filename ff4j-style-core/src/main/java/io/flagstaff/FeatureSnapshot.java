package io.flagstaff;

import java.util.List;
import java.util.Set;

import io.flagstaff.internal.DidYouMean;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * One immutable, compiled view of all flags. Evaluating against a snapshot always sees
 * the same flags, however the store changes meanwhile: pin one for a whole request, job
 * or message with {@link Flagstaff#snapshot()}. Thread-safe.
 */
public interface FeatureSnapshot extends FeatureEvaluator {

	/**
	 * Returns the version of this snapshot; it grows with every swap.
	 * @return the version
	 */
	long version();

	/**
	 * Returns the keys of all flags.
	 * @return an unmodifiable set, in document order
	 */
	Set<String> featureKeys();

	/**
	 * Returns a flag's definition as configured.
	 * @param key the flag key
	 * @return the definition, or {@code null} when unknown
	 */
	@Nullable FeatureDefinition definition(String key);

	/**
	 * Returns the flag keys closest to a key, closest first (ties in natural order),
	 * however far they are: for "did you mean" messages about a key no flag has. The
	 * distance is the one of every Flagstaff message: it ignores case and counts
	 * inserting, deleting or replacing a character, or swapping two adjacent ones, as one
	 * edit.
	 * @param key the key
	 * @param limit how many keys to return at most
	 * @return up to {@code limit} keys; empty when the snapshot has no flags
	 */
	default List<String> closestKeys(String key, int limit) {
		return DidYouMean.nearest(key, featureKeys(), limit);
	}

	/**
	 * Returns the variants of a flag closest to a name, closest first, like
	 * {@link #closestKeys(String, int)}.
	 * @param key the flag key
	 * @param variant the variant name, typically one the flag does not define
	 * @param limit how many names to return at most
	 * @return up to {@code limit} of the flag's own variants; empty when the flag is
	 * unknown or has none
	 */
	default List<String> closestVariants(String key, String variant, int limit) {
		FeatureDefinition definition = definition(key);
		return (definition != null)
				? DidYouMean.nearest(variant,
						definition.variants().stream().map((candidate) -> candidate.name()).toList(), limit)
				: List.of();
	}

	/**
	 * Returns the configuration this snapshot was compiled from.
	 * @return the feature set
	 */
	FeatureSet featureSet();

}
