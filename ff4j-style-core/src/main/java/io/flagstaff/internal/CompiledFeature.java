package io.flagstaff.internal;

import java.time.Instant;
import java.util.Set;

import io.flagstaff.FeatureContext;
import io.flagstaff.Reason;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * One flag compiled for evaluation: every check of the evaluation order in a form that
 * takes no lock, performs no I/O and allocates nothing for a flag whose conditions
 * compare strings. Immutable once its snapshot is published.
 */
final class CompiledFeature {

	/** No override. */
	static final int NO_OVERRIDE = -3;

	/** Forced off. */
	static final int FORCED_OFF = -2;

	/** Forced on (a variant is picked by weight). */
	static final int FORCED_ON = -1;

	/** {@link #constant} when the decision depends on the context or the time. */
	static final long NOT_CONSTANT = -1;

	final String key;

	final FeatureDefinition definition;

	/**
	 * {@link #NO_OVERRIDE}, {@link #FORCED_OFF}, {@link #FORCED_ON} or a forced variant's
	 * index.
	 */
	private final int override;

	private final String @Nullable [] environments;

	private final long from;

	private final long until;

	private final boolean hasSchedule;

	private CompiledPrerequisite[] requires = new CompiledPrerequisite[0];

	private final Set<String> allow;

	private final Set<String> deny;

	private final boolean hasLists;

	private final CompiledRule[] rules;

	private final int rolloutBasisPoints;

	final Bucketer bucketer;

	final @Nullable CompiledVariants variants;

	/** The usage counter, or {@code null} when usage statistics are off. */
	final @Nullable UsageCounter usage;

	private final boolean track;

	/**
	 * The decision when it depends on nothing but the definition (no environments,
	 * schedule, prerequisites, lists, rules, partial rollout or variants to pick), so
	 * evaluating the flag is one field read; else {@link #NOT_CONSTANT}. Set while
	 * compiling, before the snapshot is published.
	 */
	private long constant;

	CompiledFeature(FeatureDefinition definition, int override, CompiledRule[] rules, Bucketer bucketer,
			@Nullable CompiledVariants variants, @Nullable UsageCounter usage) {
		// interned once per compile, so the table of every snapshot sharing this flag
		// finds literal keys by identity without interning again
		this.key = definition.key().intern();
		this.definition = definition;
		this.override = override;
		this.environments = definition.environments().isEmpty() ? null
				: definition.environments().toArray(new String[0]);
		Schedule schedule = definition.schedule();
		this.hasSchedule = schedule != null;
		Instant scheduleFrom = (schedule != null) ? schedule.from() : null;
		Instant scheduleUntil = (schedule != null) ? schedule.until() : null;
		this.from = (scheduleFrom != null) ? scheduleFrom.toEpochMilli() : Long.MIN_VALUE;
		this.until = (scheduleUntil != null) ? scheduleUntil.toEpochMilli() : Long.MAX_VALUE;
		this.allow = Set.copyOf(definition.allow());
		this.deny = Set.copyOf(definition.deny());
		this.hasLists = !this.allow.isEmpty() || !this.deny.isEmpty();
		this.rules = rules;
		this.rolloutBasisPoints = SnapshotCompiler.basisPoints(definition.rollout());
		this.bucketer = bucketer;
		this.variants = variants;
		this.usage = usage;
		this.track = definition.track();
		this.constant = constantDecision();
	}

	/**
	 * Sets the prerequisites once, while compiling (before the snapshot is published).
	 */
	void requires(CompiledPrerequisite[] requires) {
		this.requires = requires;
		this.constant = constantDecision();
	}

	boolean track() {
		return this.track;
	}

	/**
	 * Returns what {@link #decide} returns for every context when that does not depend on
	 * the context or the time, else {@link #NOT_CONSTANT}: the same steps in the same
	 * order, stopping at the first that needs the context.
	 */
	private long constantDecision() {
		if (this.override == FORCED_OFF) {
			return Decision.of(false, Reason.OVERRIDE);
		}
		if (this.override == FORCED_ON) {
			return (this.variants == null) ? Decision.of(true, Reason.OVERRIDE) : NOT_CONSTANT;
		}
		if (this.override != NO_OVERRIDE) {
			return Decision.withVariant(Decision.of(true, Reason.OVERRIDE), this.override, false);
		}
		if (this.definition.killed() != null) {
			return Decision.of(false, Reason.KILLED);
		}
		if (!this.definition.enabled()) {
			return Decision.of(false, Reason.DISABLED);
		}
		if (this.environments != null || this.hasSchedule || this.requires.length > 0 || this.hasLists
				|| this.rules.length > 0) {
			return NOT_CONSTANT;
		}
		if (this.rolloutBasisPoints >= Bucketer.FULL) {
			return (this.variants == null) ? Decision.of(true, Reason.DEFAULT) : NOT_CONSTANT;
		}
		return (this.rolloutBasisPoints <= 0) ? Decision.of(false, Reason.ROLLOUT) : NOT_CONSTANT;
	}

	/**
	 * Evaluates the flag in the order of DESIGN.md, returning a {@link Decision}.
	 */
	long decide(FeatureContext context, EvaluationRuntime runtime) {
		long constant = this.constant;
		return (constant != NOT_CONSTANT) ? constant : evaluate(context, runtime);
	}

	/**
	 * The steps that need the context or the time; split in small methods so the JIT
	 * inlines the common ones into the caller.
	 */
	private long evaluate(FeatureContext context, EvaluationRuntime runtime) {
		if (this.override != NO_OVERRIDE) {
			return overridden(context, runtime);
		}
		// killed and disabled flags without an override are constant: decided in decide()
		if (this.environments != null && !environmentListed(runtime.environment(context))) {
			return OFF_ENVIRONMENT;
		}
		if (this.hasSchedule && outsideSchedule(context, runtime)) {
			return OFF_SCHEDULE;
		}
		if (this.requires.length > 0 && !prerequisitesHold(context, runtime)) {
			return OFF_PREREQUISITE;
		}
		if (this.hasLists) {
			long decision = lists(context, runtime);
			if (decision != NO_DECISION) {
				return decision;
			}
		}
		if (this.rules.length > 0) {
			long decision = rules(context, runtime);
			if (decision != NO_DECISION) {
				return decision;
			}
		}
		return rollout(context, runtime);
	}

	private static final long NO_DECISION = -1;

	private static final long OFF_ENVIRONMENT = Decision.of(false, Reason.ENVIRONMENT);

	private static final long OFF_SCHEDULE = Decision.of(false, Reason.SCHEDULE);

	private static final long OFF_PREREQUISITE = Decision.of(false, Reason.PREREQUISITE);

	private static final long OFF_ROLLOUT = Decision.of(false, Reason.ROLLOUT);

	private static final long ON_ROLLOUT = Decision.of(true, Reason.ROLLOUT);

	private static final long ON_DEFAULT = Decision.of(true, Reason.DEFAULT);

	private boolean outsideSchedule(FeatureContext context, EvaluationRuntime runtime) {
		long now = runtime.nowMillis(context);
		return now < this.from || now >= this.until;
	}

	private boolean prerequisitesHold(FeatureContext context, EvaluationRuntime runtime) {
		for (CompiledPrerequisite prerequisite : this.requires) {
			if (!prerequisite.holds(context, runtime)) {
				return false;
			}
		}
		return true;
	}

	private long lists(FeatureContext context, EvaluationRuntime runtime) {
		String bucketingKey = this.bucketer.key(context, runtime);
		if (bucketingKey != null && this.deny.contains(bucketingKey)) {
			return Decision.of(false, Reason.DENIED);
		}
		if (bucketingKey != null && this.allow.contains(bucketingKey)) {
			return withVariant(Decision.of(true, Reason.ALLOWED), context, runtime);
		}
		return NO_DECISION;
	}

	private long rules(FeatureContext context, EvaluationRuntime runtime) {
		CompiledRule[] all = this.rules;
		for (int i = 0; i < all.length; i++) {
			CompiledRule rule = all[i];
			if (rule.matches(context, runtime)) {
				long decision = decideRule(rule, i, context, runtime);
				if (decision != NO_DECISION) {
					return decision;
				}
			}
		}
		return NO_DECISION;
	}

	private long rollout(FeatureContext context, EvaluationRuntime runtime) {
		int basisPoints = this.rolloutBasisPoints;
		if (basisPoints >= Bucketer.FULL) {
			return withVariant(ON_DEFAULT, context, runtime);
		}
		if (basisPoints > 0 && this.bucketer.inRollout(context, runtime, basisPoints)) {
			return withVariant(ON_ROLLOUT, context, runtime);
		}
		return OFF_ROLLOUT;
	}

	/**
	 * Decides a matching rule; {@code -1} when a fallthrough rollout leaves the context
	 * to the next rule.
	 */
	private long decideRule(CompiledRule rule, int index, FeatureContext context, EvaluationRuntime runtime) {
		return switch (rule.serve) {
			case OFF -> Decision.of(false, Reason.RULE_MATCH, index);
			case VARIANT ->
				Decision.withVariant(Decision.of(true, Reason.RULE_MATCH, index), rule.variant, rule.variants != null);
			case ON -> ruleOn(rule, index, context, runtime);
			case ROLLOUT -> {
				if (rule.bucketer.inRollout(context, runtime, rule.rolloutBasisPoints)) {
					yield ruleOn(rule, index, context, runtime);
				}
				yield rule.fallthrough ? -1 : Decision.of(false, Reason.RULE_MATCH, index);
			}
		};
	}

	private long ruleOn(CompiledRule rule, int index, FeatureContext context, EvaluationRuntime runtime) {
		long decision = Decision.of(true, Reason.RULE_MATCH, index);
		if (rule.variants != null) {
			return Decision.withVariant(decision, rule.variants.pick(rule.variantBucketer, context, runtime), true);
		}
		if (this.variants != null) {
			return Decision.withVariant(decision, this.variants.pick(rule.variantBucketer, context, runtime), false);
		}
		return decision;
	}

	private long withVariant(long decision, FeatureContext context, EvaluationRuntime runtime) {
		if (this.variants == null) {
			return decision;
		}
		return Decision.withVariant(decision, this.variants.pick(this.bucketer, context, runtime), false);
	}

	/**
	 * The one override that depends on the context: forced on with variants to pick by
	 * weight (forced off, forced on without variants and a forced variant are constant,
	 * decided by {@link #constantDecision()}).
	 */
	private long overridden(FeatureContext context, EvaluationRuntime runtime) {
		return withVariant(Decision.of(true, Reason.OVERRIDE), context, runtime);
	}

	private boolean environmentListed(@Nullable String environment) {
		if (environment == null || this.environments == null) {
			return false;
		}
		for (String listed : this.environments) {
			if (listed.equals(environment)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the variants a decision's variant index refers to.
	 */
	@Nullable CompiledVariants variantsOf(long decision) {
		if (Decision.variant(decision) < 0) {
			return null;
		}
		if (Decision.variantFromRule(decision)) {
			return this.rules[Decision.rule(decision)].variants;
		}
		return this.variants;
	}

	@Nullable String variantName(long decision) {
		CompiledVariants list = variantsOf(decision);
		return (list != null) ? list.name(Decision.variant(decision)) : null;
	}

	@Nullable FeatureValue value(long decision) {
		CompiledVariants list = variantsOf(decision);
		return (list != null) ? list.value(Decision.variant(decision)) : null;
	}

	@Nullable String ruleName(long decision) {
		int rule = Decision.rule(decision);
		return (rule >= 0) ? this.rules[rule].name : null;
	}

	/**
	 * Records one evaluation in the usage counters.
	 */
	void record(long decision) {
		UsageCounter counter = this.usage;
		if (counter == null) {
			return;
		}
		CompiledVariants list = variantsOf(decision);
		counter.record(Decision.on(decision), (list != null) ? list.counter(Decision.variant(decision)) : null);
	}

	/**
	 * A prerequisite resolved to its compiled parent flag.
	 */
	static final class CompiledPrerequisite {

		private final CompiledFeature parent;

		private final boolean enabled;

		private final String[] variants;

		/** The runtime pinned to the prerequisite's own environment, or {@code null}. */
		private final @Nullable EvaluationRuntime pinned;

		CompiledPrerequisite(CompiledFeature parent, boolean enabled, String[] variants,
				@Nullable EvaluationRuntime pinned) {
			this.parent = parent;
			this.enabled = enabled;
			this.variants = variants;
			this.pinned = pinned;
		}

		boolean holds(FeatureContext context, EvaluationRuntime runtime) {
			long decision = this.parent.decide(context, (this.pinned != null) ? this.pinned : runtime);
			boolean on = Decision.on(decision);
			if (!this.enabled) {
				return !on;
			}
			if (!on) {
				return false;
			}
			if (this.variants.length == 0) {
				return true;
			}
			String variant = this.parent.variantName(decision);
			for (String required : this.variants) {
				if (required.equals(variant)) {
					return true;
				}
			}
			return false;
		}

	}

}
