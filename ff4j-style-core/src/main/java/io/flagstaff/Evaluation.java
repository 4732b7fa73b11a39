package io.flagstaff;

import java.util.Objects;

import io.flagstaff.model.FeatureValue;
import org.jspecify.annotations.Nullable;

/**
 * The detailed result of evaluating one flag for one context.
 *
 * @param key the flag key
 * @param enabled whether the flag is on
 * @param variant the served variant, or {@code null} when the flag is off or has no
 * variants
 * @param value the served value: the variant's value, or {@code null} when the flag is
 * off, has no variants, or the variant serves only its name
 * @param reason why this result was returned
 * @param rule the name of the rule that decided ({@code rules[2]} when unnamed), or
 * {@code null}
 * @param snapshotVersion the version of the snapshot evaluated against
 */
public record Evaluation(String key, boolean enabled, @Nullable String variant, @Nullable FeatureValue value,
		Reason reason, @Nullable String rule, long snapshotVersion) {

	public Evaluation {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(reason, "reason");
	}

}
