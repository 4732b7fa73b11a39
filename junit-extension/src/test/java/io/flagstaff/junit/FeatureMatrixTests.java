package io.flagstaff.junit;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static io.flagstaff.junit.TestFlagstaffs.on;
import static io.flagstaff.junit.TestFlagstaffs.variant;
import static org.assertj.core.api.Assertions.assertThat;

class FeatureMatrixTests {

	@Test
	void runsOncePerCombinationNamedAfterTheStates() {
		EngineExecutionResults results = EngineRuns.run(TwoFlags.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		assertThat(EngineRuns.succeededNames(results)).containsExactly("[new-checkout=on, one-click=on]",
				"[new-checkout=on, one-click=off]", "[new-checkout=off, one-click=on]",
				"[new-checkout=off, one-click=off]");
	}

	@Test
	void runsOncePerVariantPlusOffWhenAskedForVariants() {
		EngineExecutionResults results = EngineRuns.run(Variants.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		assertThat(EngineRuns.succeededNames(results)).containsExactly("[checkout-layout=control, dark-mode=on]",
				"[checkout-layout=control, dark-mode=off]", "[checkout-layout=one-page, dark-mode=on]",
				"[checkout-layout=one-page, dark-mode=off]", "[checkout-layout=off, dark-mode=on]",
				"[checkout-layout=off, dark-mode=off]");
	}

	@Test
	void variantsOfAnInstanceFieldNeedAnInstancePerClass() {
		EngineExecutionResults perClass = EngineRuns.run(VariantsPerClass.class);
		EngineExecutionResults perMethod = EngineRuns.run(VariantsPerMethod.class);

		assertThat(EngineRuns.failures(perClass)).isEmpty();
		perClass.testEvents().assertStatistics((stats) -> stats.succeeded(3));
		assertThat(EngineRuns.failures(perMethod)).singleElement()
			.asString()
			.contains("variants = true")
			.contains("@TestInstance(PER_CLASS)");
	}

	@Test
	void matrixStatesWinOverClassAnnotationsAndOthersStillApply() {
		EngineExecutionResults results = EngineRuns.run(WithClassAnnotations.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	static class TwoFlags {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@FeatureMatrix({ "new-checkout", "one-click" })
		void seesTheCombination(FeatureStates states, FeatureFlags flags) {
			assertThat(states.keys()).containsExactly("new-checkout", "one-click");
			assertThat(on(this.flagstaff, "new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
			assertThat(on(this.flagstaff, "one-click")).isEqualTo(states.isEnabled("one-click"));
			assertThat(flags.states()).isEqualTo(states);
		}

	}

	static class Variants {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@FeatureMatrix(value = { "checkout-layout", "dark-mode" }, variants = true)
		void seesTheVariant(FeatureStates states) {
			assertThat(on(FLAGSTAFF, "checkout-layout")).isEqualTo(states.isEnabled("checkout-layout"));
			if (states.isEnabled("checkout-layout")) {
				assertThat(variant(FLAGSTAFF, "checkout-layout")).isEqualTo(states.variant("checkout-layout"));
			}
			assertThat(on(FLAGSTAFF, "dark-mode")).isEqualTo(states.isEnabled("dark-mode"));
		}

	}

	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	static class VariantsPerClass {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@FeatureMatrix(value = "checkout-layout", variants = true)
		void seesTheVariant(FeatureStates states) {
			assertThat(String.valueOf(states.variant("checkout-layout")))
				.isEqualTo(states.isEnabled("checkout-layout") ? variant(this.flagstaff, "checkout-layout") : "null");
		}

	}

	static class VariantsPerMethod {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@FeatureMatrix(value = "checkout-layout", variants = true)
		void cannotReadTheVariantsBeforeTheInstanceExists() {
		}

	}

	@EnableFeatures({ "dark-mode", "one-click" })
	static class WithClassAnnotations {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@FeatureMatrix("one-click")
		void matrixWins(FeatureStates states) {
			assertThat(on(this.flagstaff, "one-click")).isEqualTo(states.isEnabled("one-click"));
			assertThat(on(this.flagstaff, "dark-mode")).isTrue();
		}

	}

}
