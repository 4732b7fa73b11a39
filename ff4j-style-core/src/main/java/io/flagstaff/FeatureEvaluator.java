package io.flagstaff;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates flags. Implemented by {@link Flagstaff} (against its current snapshot) and by
 * {@link FeatureSnapshot} (against one pinned snapshot). Thread-safe; no method blocks,
 * logs or performs I/O, and an unknown flag never throws unless strict mode is on.
 */
public interface FeatureEvaluator {

	/**
	 * Returns whether a flag is on for the empty context.
	 * @param key the flag key
	 * @return whether the flag is on; {@code false} for an unknown flag
	 */
	default boolean isEnabled(String key) {
		return isEnabled(key, FeatureContext.empty());
	}

	/**
	 * Returns whether a flag is on for a context. The cheap path: allocates nothing for a
	 * flag without variants.
	 * @param key the flag key
	 * @param context the context
	 * @return whether the flag is on; {@code false} for an unknown flag
	 */
	boolean isEnabled(String key, FeatureContext context);

	/**
	 * Returns the variant a flag serves to a context.
	 * @param key the flag key
	 * @param context the context
	 * @return the variant name, or {@code null} when the flag is off, unknown, or has no
	 * variants
	 */
	@Nullable String variant(String key, FeatureContext context);

	/**
	 * Evaluates a flag in detail.
	 * @param key the flag key
	 * @param context the context
	 * @return the evaluation, with reason {@link Reason#FLAG_NOT_FOUND} for an unknown
	 * flag
	 */
	Evaluation evaluate(String key, FeatureContext context);

	/**
	 * Returns the string value a flag serves, or the default when it is off, unknown, or
	 * serves no string.
	 * @param key the flag key
	 * @param context the context
	 * @param defaultValue the caller's default
	 * @return the value
	 */
	String getString(String key, FeatureContext context, String defaultValue);

	/**
	 * Returns the integer value a flag serves, or the default when it is off, unknown, or
	 * serves no integral number.
	 * @param key the flag key
	 * @param context the context
	 * @param defaultValue the caller's default
	 * @return the value
	 */
	int getInt(String key, FeatureContext context, int defaultValue);

	/**
	 * Returns the numeric value a flag serves, or the default when it is off, unknown, or
	 * serves no number.
	 * @param key the flag key
	 * @param context the context
	 * @param defaultValue the caller's default
	 * @return the value
	 */
	double getDouble(String key, FeatureContext context, double defaultValue);

	/**
	 * Returns the boolean value a flag serves: the variant's boolean value when it has
	 * one, otherwise whether the flag is on; the default when the flag is unknown.
	 * @param key the flag key
	 * @param context the context
	 * @param defaultValue the caller's default
	 * @return the value
	 */
	boolean getBoolean(String key, FeatureContext context, boolean defaultValue);

	/**
	 * Returns the JSON value a flag serves (a copy), or the default when it is off,
	 * unknown, or serves no JSON object or array.
	 * @param key the flag key
	 * @param context the context
	 * @param defaultValue the caller's default
	 * @return the value
	 */
	JsonNode getJson(String key, FeatureContext context, JsonNode defaultValue);

}
