package io.flagstaff.junit;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static io.flagstaff.junit.TestFlagstaffs.on;
import static io.flagstaff.junit.TestFlagstaffs.variant;
import static org.assertj.core.api.Assertions.assertThat;

class PrecedenceTests {

	@Test
	void methodAnnotationsWinOverClassAnnotationsAndNestedClassesInheritAndOverride() {
		EngineExecutionResults results = EngineRuns.run(Precedence.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(7).succeeded(7));
	}

	@Test
	void superclassAnnotationsApplyAndTheSubclassWins() {
		EngineExecutionResults results = EngineRuns.run(Subclass.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Test
	void twoAnnotationsOnOneElementThatDisagreeFailTheTestNamingBoth() {
		EngineExecutionResults results = EngineRuns.run(Conflict.class);

		assertThat(EngineRuns.failures(results)).singleElement()
			.asString()
			.contains("@EnableFeatures on PrecedenceTests.Conflict.disagrees()")
			.contains("@DisableFeatures on PrecedenceTests.Conflict.disagrees()")
			.contains("'one-click'");
	}

	@EnableFeatures("one-click")
	@DisableFeatures("new-checkout")
	@WithVariant(feature = "checkout-layout", variant = "control")
	static class Precedence {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		void classStatesApply() {
			assertThat(on(this.flagstaff, "one-click")).isTrue();
			assertThat(on(this.flagstaff, "new-checkout")).isFalse();
			assertThat(variant(this.flagstaff, "checkout-layout")).isEqualTo("control");
			assertThat(on(this.flagstaff, "dark-mode")).as("untouched flag keeps the store's state").isFalse();
		}

		@Test
		@EnableFeatures("new-checkout")
		@DisableFeatures("one-click")
		@WithVariant(feature = "checkout-layout", variant = "one-page")
		void methodStatesWin() {
			assertThat(on(this.flagstaff, "new-checkout")).isTrue();
			assertThat(on(this.flagstaff, "one-click")).isFalse();
			assertThat(variant(this.flagstaff, "checkout-layout")).isEqualTo("one-page");
		}

		@Test
		void statesParameterShowsWhatTheAnnotationsForce(FeatureStates states) {
			assertThat(states.states()).containsEntry("one-click", "on")
				.containsEntry("new-checkout", "off")
				.containsEntry("checkout-layout", "control")
				.hasSize(3);
			assertThat(states.variant("checkout-layout")).isEqualTo("control");
		}

		@Test
		void handleChangesFlagsAndResetsThemToTheAnnotationsOrTheStore(FeatureFlags flags) {
			flags.enable("dark-mode").disable("one-click");
			assertThat(on(this.flagstaff, "dark-mode")).isTrue();
			assertThat(on(this.flagstaff, "one-click")).isFalse();
			assertThat(flags.states().states()).containsEntry("dark-mode", "on").containsEntry("one-click", "off");

			flags.reset("dark-mode", "one-click");

			assertThat(on(this.flagstaff, "dark-mode")).isFalse();
			assertThat(on(this.flagstaff, "one-click")).isTrue();
			assertThat(flags.flagstaff()).isSameAs(this.flagstaff);
		}

		@Nested
		class Inherited {

			@Test
			void enclosingClassStatesApply() {
				assertThat(on(Precedence.this.flagstaff, "one-click")).isTrue();
				assertThat(on(Precedence.this.flagstaff, "new-checkout")).isFalse();
			}

		}

		@Nested
		@EnableFeatures("new-checkout")
		class Overriding {

			@Test
			void innerClassWinsOverEnclosingClass() {
				assertThat(on(Precedence.this.flagstaff, "new-checkout")).isTrue();
				assertThat(on(Precedence.this.flagstaff, "one-click")).isTrue();
			}

			@Test
			@DisableFeatures("new-checkout")
			void methodWinsOverInnerClass() {
				assertThat(on(Precedence.this.flagstaff, "new-checkout")).isFalse();
			}

		}

	}

	@EnableFeatures({ "one-click", "dark-mode" })
	abstract static class Base {

		final Flagstaff flagstaff = TestFlagstaffs.create();

	}

	@DisableFeatures("dark-mode")
	static class Subclass extends Base {

		@Test
		void inheritsAndOverrides() {
			assertThat(on(this.flagstaff, "one-click")).isTrue();
			assertThat(on(this.flagstaff, "dark-mode")).isFalse();
		}

	}

	static class Conflict {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		@DisableFeatures("one-click")
		void disagrees() {
		}

	}

}
