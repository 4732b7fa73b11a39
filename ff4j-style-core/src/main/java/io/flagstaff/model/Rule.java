package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An ordered targeting rule: when all its conditions match, it decides what the flag
 * serves. The first matching rule decides, unless it is a rollout with
 * {@code fallthrough}, in which case a user outside its percentage continues with the
 * next rule.
 *
 * @param name an optional name reported as the matched rule; {@code rules[i]} when
 * {@code null}
 * @param when the conditions, all of which must match (an empty list always matches)
 * @param serve what the rule serves
 * @param variant the variant served when {@code serve} is {@link Serve#VARIANT}
 * @param rollout the percentage (0..100, two decimals) served on when {@code serve} is
 * {@link Serve#ROLLOUT}
 * @param variants variants that replace the flag's variants for users this rule turns on
 * (empty to use the flag's)
 * @param fallthrough whether users outside this rule's rollout continue with the next
 * rule instead of being served off
 * @param bucketing the rule's own bucketing, or {@code null} to use the flag's
 * @param variantBucketing how variants are chosen for users this rule turns on (its own
 * {@code variants}, else the flag's) when that differs from {@code bucketing}: another
 * attribute or salt; {@code null} to choose them with the rule's bucketing
 */
public record Rule(@Nullable String name, List<Condition> when, Serve serve, @Nullable String variant,
		@Nullable Double rollout, List<VariantDefinition> variants, boolean fallthrough, @Nullable Bucketing bucketing,
		@Nullable Bucketing variantBucketing) {

	public Rule {
		when = List.copyOf(when);
		Objects.requireNonNull(serve, "serve");
		variants = List.copyOf(variants);
		if ((serve == Serve.VARIANT) != (variant != null)) {
			throw new IllegalArgumentException("a rule names a variant exactly when it serves a variant");
		}
		if ((serve == Serve.ROLLOUT) != (rollout != null)) {
			throw new IllegalArgumentException("a rule has a rollout percentage exactly when it serves a rollout");
		}
	}

	/**
	 * Creates a rule whose variants, if any, are chosen with the rule's bucketing.
	 * @param name an optional name
	 * @param when the conditions
	 * @param serve what the rule serves
	 * @param variant the variant served when {@code serve} is {@link Serve#VARIANT}
	 * @param rollout the percentage when {@code serve} is {@link Serve#ROLLOUT}
	 * @param variants variants that replace the flag's for users this rule turns on
	 * @param fallthrough whether users outside the rollout continue with the next rule
	 * @param bucketing the rule's own bucketing, or {@code null} to use the flag's
	 */
	public Rule(@Nullable String name, List<Condition> when, Serve serve, @Nullable String variant,
			@Nullable Double rollout, List<VariantDefinition> variants, boolean fallthrough,
			@Nullable Bucketing bucketing) {
		this(name, when, serve, variant, rollout, variants, fallthrough, bucketing, null);
	}

	/**
	 * Returns the bucketing that chooses this rule's variants.
	 * @return {@link #variantBucketing()}, else {@link #bucketing()}, else {@code null}
	 * for the flag's
	 */
	public @Nullable Bucketing variantBucketingOrRule() {
		return (this.variantBucketing != null) ? this.variantBucketing : this.bucketing;
	}

	/**
	 * Creates a rule that serves on, off or a rollout percentage without extras.
	 * @param when the conditions
	 * @param on whether the rule serves on
	 * @return the rule
	 */
	public static Rule serve(List<Condition> when, boolean on) {
		return new Rule(null, when, on ? Serve.ON : Serve.OFF, null, null, List.of(), false, null);
	}

	/**
	 * Creates a rule that serves a percentage rollout.
	 * @param when the conditions
	 * @param percentage the percentage (0..100)
	 * @return the rule
	 */
	public static Rule rollout(List<Condition> when, double percentage) {
		return new Rule(null, when, Serve.ROLLOUT, null, percentage, List.of(), false, null);
	}

	/**
	 * Creates a rule that serves a variant.
	 * @param when the conditions
	 * @param variant the variant name
	 * @return the rule
	 */
	public static Rule variant(List<Condition> when, String variant) {
		return new Rule(null, when, Serve.VARIANT, variant, null, List.of(), false, null);
	}

	/**
	 * What a matching rule serves.
	 */
	public enum Serve {

		/** The flag is on (with a variant chosen by weight when it has variants). */
		ON,
		/** The flag is off. */
		OFF,
		/** The flag is on and serves the named variant. */
		VARIANT,
		/** The flag is on for a sticky percentage of users. */
		ROLLOUT

	}

}
