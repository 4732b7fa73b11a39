package io.flagstaff.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import com.launchdarkly.sdk.server.LDClient;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.getunleash.Unleash;
import org.ff4j.FF4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.togglz.core.manager.FeatureManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peers answer the scenarios correctly offline: what is measured is a real
 * evaluation.
 */
class PeersTests {

	private static Unleash unleash;

	private static LDClient launchDarkly;

	private static OpenFeatureAPI openFeatureApi;

	private static Client openFeature;

	@BeforeAll
	static void startClients() {
		unleash = UnleashBenchmark.create();
		launchDarkly = LaunchDarklyBenchmark.create();
		openFeatureApi = OpenFeatureAPI.createIsolated();
		openFeature = OpenFeatureBenchmark.create(openFeatureApi);
	}

	@AfterAll
	static void stopClients() throws Exception {
		unleash.shutdown();
		launchDarkly.close();
		openFeatureApi.shutdown();
	}

	@Test
	void ff4jServesTheOnFlagAndARandomNonStickyRollout() {
		FF4j ff4j = Ff4jBenchmark.create();
		assertAll(Workload.USERS, (i) -> ff4j.check(Workload.ON_OFF, Ff4jBenchmark.context(i)));
		assertHalf((i) -> ff4j.check(Workload.ROLLOUT, Ff4jBenchmark.context(i)));
		int changed = 0;
		for (int i = 0; i < Workload.USERS; i++) {
			if (ff4j.check(Workload.ROLLOUT, Ff4jBenchmark.context(i)) != ff4j.check(Workload.ROLLOUT,
					Ff4jBenchmark.context(i))) {
				changed++;
			}
		}
		assertThat(changed).as("PonderationStrategy draws per call, so answers change").isGreaterThan(100);
	}

	@Test
	void togglzServesTheOnFlagAndAStickyRollout() {
		FeatureManager manager = TogglzBenchmark.create();
		assertAll(Workload.USERS,
				(i) -> TogglzBenchmark.isActive(manager, TogglzFeature.SIMPLE_ON, TogglzBenchmark.user(i)));
		IntPredicate rollout = (i) -> TogglzBenchmark.isActive(manager, TogglzFeature.ROLLOUT_50,
				TogglzBenchmark.user(i));
		assertHalf(rollout);
		assertSticky(rollout);
	}

	@Test
	void unleashServesEveryScenarioOfflineAndSticky() {
		assertAll(Workload.USERS, (i) -> unleash.isEnabled(Workload.ON_OFF, UnleashBenchmark.context(i)));
		IntPredicate rollout = (i) -> unleash.isEnabled(Workload.ROLLOUT, UnleashBenchmark.context(i));
		assertHalf(rollout);
		assertSticky(rollout);
		assertRule((i) -> unleash.isEnabled(Workload.RULE, UnleashBenchmark.context(i)));
		assertVariants((i) -> unleash.getVariant(Workload.VARIANT, UnleashBenchmark.context(i)).getName());
		assertThat(UnleashBenchmark.NETWORK_ATTEMPTS).hasValue(0);
	}

	@Test
	void launchDarklyServesEveryScenarioFromTheFileAndSticky() {
		assertAll(Workload.USERS,
				(i) -> launchDarkly.boolVariation(Workload.ON_OFF, LaunchDarklyBenchmark.context(i), false));
		IntPredicate rollout = (i) -> launchDarkly.boolVariation(Workload.ROLLOUT, LaunchDarklyBenchmark.context(i),
				false);
		assertHalf(rollout);
		assertSticky(rollout);
		assertRule((i) -> launchDarkly.boolVariation(Workload.RULE, LaunchDarklyBenchmark.context(i), false));
		assertVariants((i) -> launchDarkly.stringVariation(Workload.VARIANT, LaunchDarklyBenchmark.context(i), "none"));
	}

	@Test
	void openFeatureServesEveryScenarioThroughItsContextEvaluators() {
		assertAll(Workload.USERS,
				(i) -> openFeature.getBooleanValue(Workload.ON_OFF, false, OpenFeatureBenchmark.context(i)));
		IntPredicate rollout = (i) -> openFeature.getBooleanValue(Workload.ROLLOUT, false,
				OpenFeatureBenchmark.context(i));
		assertHalf(rollout);
		assertSticky(rollout);
		assertRule((i) -> openFeature.getBooleanValue(Workload.RULE, false, OpenFeatureBenchmark.context(i)));
		assertVariants((i) -> openFeature.getStringValue(Workload.VARIANT, "none", OpenFeatureBenchmark.context(i)));
	}

	@Test
	void theWorkloadMatchesTheRuleForSomeButNotAllUsers() {
		int matches = 0;
		for (int i = 0; i < Workload.USERS; i++) {
			matches += Workload.ruleMatches(i) ? 1 : 0;
		}
		assertThat(matches).isBetween(Workload.USERS / 10, Workload.USERS / 2);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < Workload.USERS; i++) {
			ids.add(Workload.id(i));
		}
		assertThat(ids).hasSize(Workload.USERS);
	}

	static void assertAll(int users, IntPredicate check) {
		for (int i = 0; i < users; i++) {
			assertThat(check.test(i)).as("user %d", i).isTrue();
		}
	}

	static void assertHalf(IntPredicate rollout) {
		int on = 0;
		for (int i = 0; i < Workload.USERS; i++) {
			on += rollout.test(i) ? 1 : 0;
		}
		assertThat(on).isBetween(Workload.USERS * 42 / 100, Workload.USERS * 58 / 100);
	}

	static void assertSticky(IntPredicate rollout) {
		for (int i = 0; i < Workload.USERS; i++) {
			boolean first = rollout.test(i);
			for (int repeat = 0; repeat < 3; repeat++) {
				assertThat(rollout.test(i)).as("user %d", i).isEqualTo(first);
			}
		}
	}

	static void assertRule(IntPredicate rule) {
		for (int i = 0; i < Workload.USERS; i++) {
			assertThat(rule.test(i)).as("user %d (%s, %s)", i, Workload.region(i), Workload.plan(i))
				.isEqualTo(Workload.ruleMatches(i));
		}
	}

	static void assertVariants(IntFunction<String> variant) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < Workload.USERS; i++) {
			String name = variant.apply(i);
			assertThat(variant.apply(i)).as("sticky variant of user %d", i).isEqualTo(name);
			counts.merge(name, 1, Integer::sum);
		}
		assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(Workload.VARIANTS);
		for (int v = 0; v < Workload.VARIANTS.size(); v++) {
			int expected = Workload.USERS * Workload.WEIGHTS.get(v) / 100;
			assertThat(counts.get(Workload.VARIANTS.get(v))).as(Workload.VARIANTS.get(v))
				.isBetween(expected - Workload.USERS * 8 / 100, expected + Workload.USERS * 8 / 100);
		}
	}

}
