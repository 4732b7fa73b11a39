package io.flagstaff.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips of generated sets: every write, in either syntax, reads back as an equal
 * set.
 */
class GeneratedRoundTripTests {

	private static final String[] WORDS = { "a", "DE", "42", "true", "on", "1.50", "x y", "@acme.io", "null", "" };

	@ParameterizedTest
	@EnumSource(Syntax.class)
	void generatedSetsRoundTrip(Syntax syntax) {
		Random random = new Random(20261122L);
		for (int round = 0; round < 200; round++) {
			FeatureSet set = generate(random);
			assertThat(FeatureDocuments.parseNative(FeatureDocuments.write(set, syntax), syntax, "round " + round))
				.as("round %d", round)
				.isEqualTo(set);
		}
	}

	private static FeatureSet generate(Random random) {
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String key = "flag-" + i;
			List<VariantDefinition> variants = new ArrayList<>();
			if (random.nextBoolean()) {
				variants.add(new VariantDefinition("v0", 1 + random.nextInt(100), value(random)));
				variants.add(new VariantDefinition("v1", random.nextInt(100), value(random)));
			}
			List<Rule> rules = new ArrayList<>();
			for (int r = random.nextInt(3); r > 0; r--) {
				List<Condition> when = new ArrayList<>();
				for (int c = random.nextInt(3); c > 0; c--) {
					when.add(condition(random));
				}
				rules.add(switch (random.nextInt(4)) {
					case 0 -> Rule.serve(when, random.nextBoolean());
					case 1 -> Rule.rollout(when, random.nextInt(10001) / 100.0);
					case 2 -> variants.isEmpty() ? Rule.serve(when, true) : Rule.variant(when, "v1");
					default -> new Rule("r" + r, when, Rule.Serve.ROLLOUT, null, random.nextInt(101) * 1.0, List.of(),
							true, new Bucketing(BucketingScheme.values()[random.nextInt(4)], "accountId", "s" + r));
				});
			}
			features.put(key, FeatureDefinition.builder(key)
				.type(FeatureType.values()[random.nextInt(FeatureType.values().length)])
				.enabled(random.nextBoolean())
				.environments(random.nextBoolean() ? List.of("dev", "production") : List.of())
				.schedule(random.nextBoolean() ? null
						: new Schedule(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)), null))
				.allow(random.nextBoolean() ? List.of(word(random)) : List.of())
				.rules(rules)
				.rollout(random.nextBoolean() ? null : random.nextInt(10001) / 100.0)
				.variants(variants)
				.health(random.nextBoolean() ? null
						: new HealthPolicy(1 + random.nextInt(100), Duration.ofMillis(1 + random.nextInt(600_000)),
								null, null, Duration.ofMillis(1 + random.nextInt(5000)), 1 + random.nextInt(9), null,
								HealthPolicy.Scope.FEATURE))
				.track(random.nextBoolean())
				.metadata(random.nextBoolean() ? Map.of() : Map.of("k", value(random)))
				.build());
		}
		return new FeatureSet(Map.of(), features);
	}

	private static Condition condition(Random random) {
		Operator operator = random.nextBoolean() ? Operator.IN : Operator.EQUALS;
		if (random.nextInt(4) == 0) {
			return new Condition.Attribute("age", Operator.GTE, List.of(String.valueOf(random.nextInt(99))), false,
					random.nextBoolean());
		}
		return new Condition.Attribute("attr", operator, List.of(word(random)), random.nextBoolean(),
				random.nextBoolean());
	}

	private static String word(Random random) {
		String word = WORDS[random.nextInt(WORDS.length)];
		return word.isEmpty() ? "w" : word;
	}

	private static FeatureValue value(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> FeatureValue.of(word(random));
			case 1 -> FeatureValue.of(BigDecimal.valueOf(random.nextInt(10_000), random.nextInt(3)));
			default -> FeatureValue.of(random.nextBoolean());
		};
	}

}
