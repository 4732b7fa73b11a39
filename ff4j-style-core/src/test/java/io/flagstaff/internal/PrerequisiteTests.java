package io.flagstaff.internal;

import java.time.Clock;
import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.Reason;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrerequisiteTests {

	private final EvaluationRuntime runtime = Evaluations.runtime(Clock.systemUTC(), "production");

	private static FeatureDefinition.Builder requiring(String key, Prerequisite... prerequisites) {
		return FeatureDefinition.builder(key).requires(List.of(prerequisites));
	}

	@ParameterizedTest
	@CsvSource({ "DE, true", "FR, false" })
	void prerequisitesAreEvaluatedRecursivelyWithTheSameContext(String region, boolean expected) {
		Condition german = Evaluations.when("region", Operator.EQUALS, "DE");
		FeatureSet set = FeatureSet.of(requiring("child", Prerequisite.on("parent")).build(),
				requiring("parent", Prerequisite.on("grandparent")).build(),
				FeatureDefinition.builder("grandparent").rule(Rule.serve(List.of(german), true)).rollout(0.0).build());
		CompiledSnapshot snapshot = Evaluations.compile(set, this.runtime);
		FeatureContext context = FeatureContext.builder().userId("u").attribute("region", region).build();
		assertThat(snapshot.isEnabled("child", context)).isEqualTo(expected);
		assertThat(snapshot.evaluate("child", context).reason())
			.isEqualTo(expected ? Reason.DEFAULT : Reason.PREREQUISITE);
	}

	@Test
	void prerequisitesSeeTheSameEnvironment() {
		FeatureSet set = FeatureSet.of(requiring("child", Prerequisite.on("parent")).build(),
				FeatureDefinition.builder("parent").environments(List.of("staging")).build());
		CompiledSnapshot snapshot = Evaluations.compile(set, this.runtime);
		assertThat(snapshot.isEnabled("child", FeatureContext.ofUser("u"))).isFalse();
		assertThat(snapshot.isEnabled("child", FeatureContext.builder().environment("staging").build())).isTrue();
	}

	@Test
	void aPrerequisiteCanRequireTheParentOff() {
		FeatureSet set = FeatureSet.of(requiring("fallback", new Prerequisite("new-engine", false, List.of())).build(),
				FeatureDefinition.builder("new-engine").enabled(false).build());
		CompiledSnapshot snapshot = Evaluations.compile(set, this.runtime);
		assertThat(snapshot.isEnabled("fallback", FeatureContext.empty())).isTrue();
		CompiledSnapshot flipped = Evaluations.compile(set.with(FeatureDefinition.builder("new-engine").build()),
				this.runtime);
		assertThat(flipped.isEnabled("fallback", FeatureContext.empty())).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "blue, true", "green, false" })
	void aPrerequisiteCanRequireVariants(String served, boolean expected) {
		FeatureSet set = FeatureSet.of(requiring("child", new Prerequisite("theme", true, List.of("blue"))).build(),
				FeatureDefinition.builder("theme")
					.variants(List.of(new VariantDefinition("blue", 1, null), new VariantDefinition("green", 1, null)))
					.rule(Rule.variant(List.of(), served))
					.build());
		assertThat(Evaluations.compile(set, this.runtime).isEnabled("child", FeatureContext.ofUser("u")))
			.isEqualTo(expected);
	}

	@Test
	void aCycleIsRejectedNamingIt() {
		FeatureSet set = FeatureSet.of(requiring("a", Prerequisite.on("b")).build(),
				requiring("b", Prerequisite.on("c")).build(), requiring("c", Prerequisite.on("a")).build(),
				requiring("self", Prerequisite.on("self")).build());
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> Evaluations.compile(set, this.runtime))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					new ConfigProblem("features.a.requires",
							"prerequisite cycle a -> b -> c -> a; remove one of these prerequisites"),
					new ConfigProblem("features.self.requires",
							"prerequisite cycle self -> self; remove one of these prerequisites")));
	}

	@Test
	void unknownPrerequisitesAndVariantsAreRejectedWithAHint() {
		FeatureSet set = FeatureSet.of(requiring("child", Prerequisite.on("new-chekout")).build(),
				requiring("other", new Prerequisite("new-checkout", true, List.of("blu"))).build(),
				FeatureDefinition.builder("new-checkout")
					.variants(List.of(new VariantDefinition("blue", 1, null)))
					.build());
		assertThat(SnapshotCompiler.problems(set)).containsExactly(
				new ConfigProblem("features.child.requires[0].feature",
						"unknown flag 'new-chekout'; define it or fix the key (did you mean 'new-checkout'?)"),
				new ConfigProblem("features.other.requires[0].variants[0]",
						"flag 'new-checkout' has no variant 'blu'; use one of [blue]"));
	}

}
