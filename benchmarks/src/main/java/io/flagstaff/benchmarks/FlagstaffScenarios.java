package io.flagstaff.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;

/**
 * The scenarios in Flagstaff's model, and generated feature sets for the scale
 * benchmarks.
 */
public final class FlagstaffScenarios {

	private FlagstaffScenarios() {
	}

	/**
	 * The four flags of scenarios A–D.
	 * @return the definitions
	 */
	public static List<FeatureDefinition> scenarioFlags() {
		List<VariantDefinition> variants = new ArrayList<>();
		for (int i = 0; i < Workload.VARIANTS.size(); i++) {
			variants.add(new VariantDefinition(Workload.VARIANTS.get(i), Workload.WEIGHTS.get(i), null));
		}
		return List.of(FeatureDefinition.builder(Workload.ON_OFF).build(),
				FeatureDefinition.builder(Workload.ROLLOUT).rollout(50.0).build(),
				FeatureDefinition.builder(Workload.RULE)
					.rule(Rule.serve(List.of(in("region", Workload.RULE_REGIONS), in("plan", Workload.RULE_PLANS)),
							true))
					.rollout(0.0)
					.build(),
				FeatureDefinition.builder(Workload.VARIANT).variants(variants).build());
	}

	/**
	 * Builds a Flagstaff instance over an in-memory store holding the scenario flags.
	 * @return an instance; close it when done
	 */
	public static Flagstaff create() {
		return Flagstaff.builder(new InMemoryFeatureStore(set(scenarioFlags()))).build();
	}

	/**
	 * Builds the context of a user, as a request would.
	 * @param index the user
	 * @return a new context
	 */
	public static FeatureContext context(int index) {
		return FeatureContext.builder()
			.userId(Workload.id(index))
			.attribute("region", Workload.region(index))
			.attribute("plan", Workload.plan(index))
			.build();
	}

	/**
	 * The pre-built contexts of the 1,024 users.
	 * @return one context per user
	 */
	public static FeatureContext[] contexts() {
		FeatureContext[] contexts = new FeatureContext[Workload.USERS];
		for (int i = 0; i < Workload.USERS; i++) {
			contexts[i] = context(i);
		}
		return contexts;
	}

	/**
	 * The key of the i-th generated flag.
	 * @param index the flag number
	 * @return its key
	 */
	public static String generatedKey(int index) {
		return "flag-" + index;
	}

	/**
	 * Generates {@code count} flags, each with {@code rules} rules of two conditions
	 * (mixed operators: in, startsWith, semver, number, regex) and a 50% default rollout.
	 * @param count the number of flags
	 * @param rules the rules per flag
	 * @return the feature set
	 */
	public static FeatureSet generated(int count, int rules) {
		List<FeatureDefinition> features = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			FeatureDefinition.Builder feature = FeatureDefinition.builder(generatedKey(i)).rollout(50.0);
			for (int r = 0; r < rules; r++) {
				feature.rule(Rule.serve(List.of(in("region", List.of("US", "RO", "X" + r)), generatedCondition(i, r)),
						r % 2 == 0));
			}
			features.add(feature.build());
		}
		return set(features);
	}

	private static Condition generatedCondition(int flag, int rule) {
		return switch (rule % 5) {
			case 0 -> new Condition.Attribute("plan", Operator.STARTS_WITH, List.of("prem", "ent"), false, false);
			case 1 -> new Condition.Attribute("appVersion", Operator.SEMVER_GTE, List.of("4." + (flag % 10) + ".0"),
					false, false);
			case 2 -> new Condition.Attribute("age", Operator.GT, List.of(Integer.toString(flag % 90)), false, false);
			case 3 -> new Condition.Attribute("email", Operator.REGEX, List.of(".*@acme" + (flag % 7) + "\\.io"), false,
					false);
			default -> new Condition.Attribute("tier", Operator.IN, List.of("t" + flag, "t" + (flag + 1)), true, false);
		};
	}

	static Condition in(String attribute, List<String> values) {
		return new Condition.Attribute(attribute, Operator.IN, values, false, false);
	}

	static FeatureSet set(List<FeatureDefinition> features) {
		Map<String, FeatureDefinition> map = new LinkedHashMap<>();
		features.forEach((feature) -> map.put(feature.key(), feature));
		return new FeatureSet(Map.of(), map);
	}

}
