package io.flagstaff;

import java.util.Set;

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
	 * Returns the configuration this snapshot was compiled from.
	 * @return the feature set
	 */
	FeatureSet featureSet();

}
