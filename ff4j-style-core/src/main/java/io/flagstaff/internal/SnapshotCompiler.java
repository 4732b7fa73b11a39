package io.flagstaff.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.Limits;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@link FeatureSet} into an immutable snapshot, and reports the semantic
 * problems of a set (operands that do not parse, unknown segments, variants and
 * prerequisites, prerequisite cycles, out-of-range percentages) for the configuration
 * parser to report with its own.
 * <p>
 * Compilation is incremental: given the previous snapshot, only the flags whose
 * definition (or override) differs are compiled again, with the flags that require them,
 * directly or through other flags; every other compiled flag is shared with the previous
 * snapshot. The set compiles as a whole would, because it compiled before: a new problem
 * can only be in a recompiled flag or in a prerequisite cycle through one. A change of
 * segments recompiles everything. Thread-safe (stateless).
 */
public final class SnapshotCompiler {

	private static final System.Logger logger = System.getLogger(SnapshotCompiler.class.getName());

	private SnapshotCompiler() {
	}

	/**
	 * Returns every semantic problem of a feature set, each with its path and fix, for
	 * example
	 * {@code features.new-checkout.rules[0].when[1].regex: is not a valid RE2 regular expression}.
	 * @param featureSet the set
	 * @return the problems in document order; empty when the set compiles
	 */
	public static List<ConfigProblem> problems(FeatureSet featureSet) {
		return problems(featureSet, null);
	}

	/**
	 * Returns the problems a change introduces: those of {@code after} that
	 * {@code before} did not have. Only the flags the change touches are compiled (the
	 * changed flags and those that require them); a change of segments compiles both sets
	 * whole.
	 * @param before the set before the change
	 * @param after the set after it
	 * @return the new problems in document order; empty when the change adds none
	 */
	public static List<ConfigProblem> introducedProblems(FeatureSet before, FeatureSet after) {
		Set<String> scope = affected(before, after, null, Set.of());
		List<ConfigProblem> problems = problems(after, scope);
		if (problems.isEmpty()) {
			return problems;
		}
		Set<ConfigProblem> existing = new HashSet<>(problems(before, scope));
		return problems.stream().filter((problem) -> !existing.contains(problem)).toList();
	}

	private static List<ConfigProblem> problems(FeatureSet featureSet, @Nullable Set<String> scope) {
		Compilation compilation = new Compilation(featureSet, Map.of(), null, scope);
		compilation.run(Map.of());
		return List.copyOf(compilation.problems);
	}

	/**
	 * Compiles a set into a snapshot, sharing every compiled flag that did not change
	 * with the previous snapshot.
	 * @param previous the snapshot being replaced, or {@code null} to compile everything
	 * @throws FeatureConfigException with every problem when the set is invalid
	 */
	static CompiledSnapshot compile(@Nullable CompiledSnapshot previous, FeatureSet featureSet,
			Map<String, String> overrides, long version, long storeRevision, EvaluationRuntime runtime, String source) {
		return compile(previous, featureSet, null, overrides, version, storeRevision, runtime, source);
	}

	/**
	 * Compiles a set into a snapshot, as
	 * {@link #compile(CompiledSnapshot, FeatureSet, Map, long, long, EvaluationRuntime, String)}
	 * does, when only some flags can differ from the previous snapshot's (an announced
	 * change): only those are compared.
	 * @param candidates the flags that may differ, or {@code null} to compare all
	 */
	static CompiledSnapshot compile(@Nullable CompiledSnapshot previous, FeatureSet featureSet,
			@Nullable Set<String> candidates, Map<String, String> overrides, long version, long storeRevision,
			EvaluationRuntime runtime, String source) {
		Set<String> scope = null;
		Map<String, CompiledFeature> shared = Map.of();
		if (previous != null) {
			Set<String> overridden = new HashSet<>();
			for (String key : union(previous.overrides().keySet(), overrides.keySet())) {
				if (!Objects.equals(previous.overrides().get(key), overrides.get(key))) {
					overridden.add(key);
				}
			}
			scope = affected(previous.featureSet(), featureSet, candidates, overridden);
			shared = previous.compiled();
		}
		Compilation compilation = new Compilation(featureSet, overrides, runtime, scope);
		Map<String, CompiledFeature> features = compilation.run(shared);
		if (!compilation.problems.isEmpty()) {
			throw new FeatureConfigException(source, compilation.problems);
		}
		return new CompiledSnapshot(featureSet, features, overrides, version, storeRevision, runtime);
	}

	/**
	 * Returns the flags a change touches: those whose definition differs (among the
	 * candidates, when given; or that are in {@code alsoChanged}) and, transitively, the
	 * flags of either set that require one of them; {@code null} (everything) when the
	 * segments differ.
	 */
	private static @Nullable Set<String> affected(FeatureSet before, FeatureSet after, @Nullable Set<String> candidates,
			Set<String> alsoChanged) {
		if (!before.segments().equals(after.segments())) {
			return null;
		}
		Deque<String> pending = new ArrayDeque<>(alsoChanged);
		for (String key : (candidates != null) ? candidates
				: union(before.features().keySet(), after.features().keySet())) {
			if (!Objects.equals(before.features().get(key), after.features().get(key))) {
				pending.add(key);
			}
		}
		if (pending.isEmpty()) {
			return Set.of();
		}
		Map<String, List<String>> dependents = new HashMap<>();
		for (FeatureSet set : List.of(before, after)) {
			for (FeatureDefinition feature : set.features().values()) {
				for (Prerequisite prerequisite : feature.requires()) {
					dependents.computeIfAbsent(prerequisite.feature(), (key) -> new ArrayList<>()).add(feature.key());
				}
			}
		}
		Set<String> affected = new HashSet<>();
		while (!pending.isEmpty()) {
			String key = pending.poll();
			if (affected.add(key)) {
				pending.addAll(dependents.getOrDefault(key, List.of()));
			}
		}
		return affected;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return union;
	}

	/**
	 * Converts a percentage with at most two decimals into basis points; {@code null} is
	 * 100%.
	 */
	static int basisPoints(@Nullable Double percentage) {
		return (percentage != null) ? (int) Math.round(percentage * 100) : Bucketer.FULL;
	}

	private static @Nullable String percentageProblem(double percentage) {
		if (!(percentage >= 0 && percentage <= 100)) {
			return "must be between 0 and 100, was " + percentage;
		}
		double basisPoints = percentage * 100;
		if (Math.abs(basisPoints - Math.rint(basisPoints)) > 1e-6) {
			return "must have at most two decimals (for example 0.05), was " + percentage;
		}
		return null;
	}

	/**
	 * One compilation: collects problems, then builds the compiled flags when there are
	 * none. With a scope, only the flags in it are compiled (and only the segments they
	 * use), cycles are looked for from them only, and every other flag is taken from the
	 * previous snapshot.
	 */
	private static final class Compilation {

		private final FeatureSet set;

		private final Map<String, String> overrides;

		final List<ConfigProblem> problems = new ArrayList<>();

		private final ConditionCompiler conditions;

		/**
		 * The runtime prerequisites with their own environment are pinned from, and whose
		 * registry holds the usage counters; {@code null} when only the problems are
		 * wanted (nothing is counted then).
		 */
		private final @Nullable EvaluationRuntime runtime;

		private final Map<String, EvaluationRuntime> pinned = new HashMap<>();

		/** The flags to compile, or {@code null} for all. */
		private final @Nullable Set<String> scope;

		Compilation(FeatureSet set, Map<String, String> overrides, @Nullable EvaluationRuntime runtime,
				@Nullable Set<String> scope) {
			this.runtime = runtime;
			this.scope = scope;
			this.set = set;
			this.overrides = overrides;
			this.conditions = new ConditionCompiler(set.segments(), this.problems);
		}

		/**
		 * Compiles the flags in scope and returns every flag of the set, those out of
		 * scope taken from {@code shared}.
		 */
		Map<String, CompiledFeature> run(Map<String, CompiledFeature> shared) {
			Set<String> scope = this.scope;
			if (scope == null) {
				this.conditions.compileAllSegments();
			}
			Map<String, CompiledFeature> compiled = (scope != null) ? new LinkedHashMap<>(shared)
					: new LinkedHashMap<>();
			List<CompiledFeature> recompiled = new ArrayList<>();
			for (String key : (scope != null) ? new TreeSet<>(scope) : this.set.features().keySet()) {
				FeatureDefinition feature = this.set.features().get(key);
				CompiledFeature result = (feature != null) ? feature(feature) : null;
				if (result != null) {
					compiled.put(key, result);
					recompiled.add(result);
				}
				else {
					compiled.remove(key);
				}
			}
			checkCycles();
			if (this.problems.isEmpty() && this.runtime != null) {
				link(recompiled, compiled);
			}
			return compiled;
		}

		private @Nullable CompiledFeature feature(FeatureDefinition feature) {
			String path = "features." + feature.key();
			int before = this.problems.size();
			if (feature.rollout() != null) {
				check(path + ".rollout", percentageProblem(feature.rollout()));
			}
			checkRanges(feature, path);
			checkVariants(feature.variants(), path + ".variants");
			checkPrerequisites(feature, path + ".requires");
			UsageCounter counter = (this.runtime != null && this.runtime.usageStatistics())
					? this.runtime.usage().counter(feature.key()) : null;
			Bucketer bucketer = Bucketer.of(feature.bucketing(), feature.key());
			CompiledVariants variants = variants(feature.variants(), path + ".variants", counter);
			List<CompiledRule> rules = new ArrayList<>();
			for (int i = 0; i < feature.rules().size(); i++) {
				rules.add(rule(feature, feature.rules().get(i), i, path + ".rules[" + i + "]", bucketer, counter));
			}
			int override = override(feature, variants, path);
			if (this.problems.size() > before) {
				return null;
			}
			return new CompiledFeature(feature, override, rules.toArray(new CompiledRule[0]), bucketer, variants,
					counter);
		}

		private int override(FeatureDefinition feature, @Nullable CompiledVariants variants, String path) {
			String override = this.overrides.get(feature.key());
			if (override == null) {
				return CompiledFeature.NO_OVERRIDE;
			}
			if (override.equals("on")) {
				return CompiledFeature.FORCED_ON;
			}
			if (override.equals("off")) {
				return CompiledFeature.FORCED_OFF;
			}
			int index = (variants != null) ? variants.indexOf(override) : -1;
			if (index < 0) {
				logger.log(System.Logger.Level.WARNING, "The override of flag '" + feature.key() + "' forces variant '"
						+ override + "', which the flag no longer defines; the flag is forced "
						+ "on with its variants chosen by weight. Clear the override or force another variant.");
				return CompiledFeature.FORCED_ON;
			}
			return index;
		}

		private @Nullable CompiledRule rule(FeatureDefinition feature, Rule rule, int index, String path,
				Bucketer flagBucketer, @Nullable UsageCounter counter) {
			CompiledCondition[] when = this.conditions.compile(rule.when(), path + ".when");
			if (rule.rollout() != null) {
				check(path + ".rollout", percentageProblem(rule.rollout()));
			}
			checkVariants(rule.variants(), path + ".variants");
			List<VariantDefinition> effective = rule.variants().isEmpty() ? feature.variants() : rule.variants();
			int variant = -1;
			if (rule.serve() == Rule.Serve.VARIANT) {
				for (int i = 0; i < effective.size(); i++) {
					if (effective.get(i).name().equals(rule.variant())) {
						variant = i;
					}
				}
				if (variant < 0) {
					List<String> names = effective.stream().map(VariantDefinition::name).distinct().toList();
					check(path + ".variant",
							"serves variant '" + rule.variant() + "', which "
									+ (rule.variants().isEmpty() ? "the flag" : "the rule") + " does not define; "
									+ (names.isEmpty() ? "define variants or serve on/off" : "use one of " + names));
				}
			}
			if (when == null || variant < 0 && rule.serve() == Rule.Serve.VARIANT) {
				return null;
			}
			Bucketer bucketer = (rule.bucketing() != null) ? Bucketer.of(rule.bucketing(), feature.key())
					: flagBucketer;
			Bucketer variantBucketer = (rule.variantBucketingOrRule() != null)
					? Bucketer.of(rule.variantBucketingOrRule(), feature.key()) : flagBucketer;
			CompiledVariants variants = variants(rule.variants(), path + ".variants", counter);
			String name = (rule.name() != null) ? rule.name() : "rules[" + index + "]";
			return new CompiledRule(name, when, rule.serve(), variant, basisPoints(rule.rollout()), rule.fallthrough(),
					bucketer, variantBucketer, variants);
		}

		private @Nullable CompiledVariants variants(List<VariantDefinition> variants, String path,
				@Nullable UsageCounter counter) {
			if (variants.isEmpty()) {
				return null;
			}
			CompiledCondition[][] overrides = new CompiledCondition[variants.size()][];
			boolean valid = true;
			for (int i = 0; i < overrides.length; i++) {
				VariantDefinition variant = variants.get(i);
				overrides[i] = this.conditions.compile(variant.overrides(), path + "." + variant.name() + ".overrides");
				valid &= overrides[i] != null;
			}
			return valid ? new CompiledVariants(variants, overrides, counter) : null;
		}

		private void checkVariants(List<VariantDefinition> variants, String path) {
			if (variants.isEmpty()) {
				return;
			}
			Set<String> names = new HashSet<>();
			long total = 0;
			for (VariantDefinition variant : variants) {
				if (!names.add(variant.name())) {
					check(path + "." + variant.name(), "is defined twice; give each variant a distinct name");
				}
				total += variant.weight();
			}
			if (total <= 0) {
				check(path, "the weights add up to 0; give at least one variant a positive weight");
			}
			else if (total > Integer.MAX_VALUE / 2) {
				check(path, "the weights add up to " + total + "; keep the total below " + Integer.MAX_VALUE / 2);
			}
		}

		/**
		 * Checks the date-times and durations a flag's evaluation converts against the
		 * {@link Limits}.
		 */
		private void checkRanges(FeatureDefinition feature, String path) {
			if (feature.schedule() != null) {
				check(path + ".schedule.from", Limits.instantProblem(feature.schedule().from()));
				check(path + ".schedule.until", Limits.instantProblem(feature.schedule().until()));
			}
			if (feature.health() != null) {
				check(path + ".health.window", Limits.durationProblem(feature.health().window()));
				check(path + ".health.latencyBaseline", Limits.durationProblem(feature.health().latencyBaseline()));
			}
		}

		private void checkPrerequisites(FeatureDefinition feature, String path) {
			for (int i = 0; i < feature.requires().size(); i++) {
				Prerequisite prerequisite = feature.requires().get(i);
				FeatureDefinition parent = this.set.features().get(prerequisite.feature());
				String itemPath = path + "[" + i + "]";
				if (parent == null) {
					check(itemPath + ".feature",
							"unknown flag '" + prerequisite.feature() + "'; define it or fix the key"
									+ ((this.problems.size() < Limits.MAX_PROBLEMS)
											? DidYouMean.hint(prerequisite.feature(), this.set.features().keySet())
											: ""));
					continue;
				}
				if (!prerequisite.variants().isEmpty() && !prerequisite.enabled()) {
					check(itemPath + ".variants", "a prerequisite that requires the flag off cannot require variants");
				}
				List<String> names = servableVariants(parent);
				for (int j = 0; j < prerequisite.variants().size(); j++) {
					String variant = prerequisite.variants().get(j);
					if (!names.contains(variant)) {
						check(itemPath + ".variants[" + j + "]",
								"flag '" + parent.key() + "' has no variant '" + variant + "'"
										+ (names.isEmpty() ? "; it defines no variants" : "; use one of " + names));
					}
				}
			}
		}

		/**
		 * Returns the names of the variants a flag can serve: its own and its rules'.
		 */
		private static List<String> servableVariants(FeatureDefinition feature) {
			Set<String> names = new LinkedHashSet<>();
			feature.variants().forEach((variant) -> names.add(variant.name()));
			feature.rules().forEach((rule) -> rule.variants().forEach((variant) -> names.add(variant.name())));
			return List.copyOf(names);
		}

		/**
		 * Reports prerequisite cycles and chains longer than
		 * {@link Limits#MAX_PREREQUISITE_DEPTH} (evaluating a flag evaluates its chain),
		 * walking the prerequisites depth first with a stack of its own, so no chain
		 * overflows the thread's stack.
		 */
		private void checkCycles() {
			Map<String, Integer> heights = new HashMap<>();
			Set<String> reported = new HashSet<>();
			List<String> stack = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			Set<String> onStack = new HashSet<>();
			boolean tooLongReported = false;
			for (String root : (this.scope != null) ? new TreeSet<>(this.scope) : this.set.features().keySet()) {
				if (heights.containsKey(root) || !this.set.features().containsKey(root)) {
					continue;
				}
				stack.add(root);
				next.add(0);
				onStack.add(root);
				while (!stack.isEmpty()) {
					int top = stack.size() - 1;
					String key = stack.get(top);
					List<Prerequisite> requires = Objects.requireNonNull(this.set.features().get(key), key).requires();
					int index = next.get(top);
					if (index < requires.size()) {
						next.set(top, index + 1);
						String parent = requires.get(index).feature();
						if (onStack.contains(parent)) {
							cycle(stack.subList(stack.indexOf(parent), stack.size()), parent, reported);
						}
						else if (this.set.features().containsKey(parent) && !heights.containsKey(parent)) {
							stack.add(parent);
							next.add(0);
							onStack.add(parent);
						}
						continue;
					}
					int height = 0;
					for (Prerequisite prerequisite : requires) {
						height = Math.max(height, heights.getOrDefault(prerequisite.feature(), -1) + 1);
					}
					heights.put(key, height);
					if (height > Limits.MAX_PREREQUISITE_DEPTH && !tooLongReported) {
						tooLongReported = true;
						check("features." + key + ".requires", "starts a chain of " + height
								+ " prerequisites (a flag requiring a flag requiring ...), more than the "
								+ Limits.MAX_PREREQUISITE_DEPTH + " allowed; require the flags further down directly");
					}
					stack.remove(top);
					next.remove(top);
					onStack.remove(key);
				}
			}
		}

		private void cycle(List<String> members, String key, Set<String> reported) {
			List<String> cycle = new ArrayList<>(members);
			cycle.add(key);
			if (reported.add(canonical(cycle))) {
				check("features." + cycle.get(0) + ".requires",
						"prerequisite cycle " + String.join(" -> ", cycle) + "; remove one of these prerequisites");
			}
		}

		private static String canonical(List<String> cycle) {
			List<String> members = new ArrayList<>(cycle.subList(0, cycle.size() - 1));
			members.sort(null);
			return String.join("\n", members);
		}

		private void link(List<CompiledFeature> recompiled, Map<String, CompiledFeature> compiled) {
			for (CompiledFeature feature : recompiled) {
				List<Prerequisite> requires = feature.definition.requires();
				CompiledFeature.CompiledPrerequisite[] linked = new CompiledFeature.CompiledPrerequisite[requires
					.size()];
				for (int i = 0; i < linked.length; i++) {
					Prerequisite prerequisite = requires.get(i);
					linked[i] = new CompiledFeature.CompiledPrerequisite(
							Objects.requireNonNull(compiled.get(prerequisite.feature()), prerequisite.feature()),
							prerequisite.enabled(), prerequisite.variants().toArray(new String[0]),
							pinned(prerequisite.environment()));
				}
				feature.requires(linked);
			}
		}

		private @Nullable EvaluationRuntime pinned(@Nullable String environment) {
			EvaluationRuntime shared = this.runtime;
			if (environment == null || shared == null) {
				return null;
			}
			return this.pinned.computeIfAbsent(environment, shared::pinnedTo);
		}

		private void check(String path, @Nullable String message) {
			if (message != null) {
				this.problems.add(new ConfigProblem(path, message));
			}
		}

	}

}
