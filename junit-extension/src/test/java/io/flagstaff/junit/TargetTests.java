package io.flagstaff.junit;

import java.util.Map;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static io.flagstaff.junit.TestFlagstaffs.on;
import static org.assertj.core.api.Assertions.assertThat;

class TargetTests {

	@Test
	void findsTheOnlyFlagstaffFieldWhetherStaticOrInstance() {
		EngineExecutionResults results = EngineRuns.run(StaticField.class, InstanceField.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.succeeded(2));
	}

	@Test
	void findsAFieldAssignedInBeforeEach() {
		EngineExecutionResults results = EngineRuns.run(AssignedInBeforeEach.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.succeeded(1));
	}

	@Test
	void theAnnotatedFieldWinsAmongSeveral() {
		EngineExecutionResults results = EngineRuns.run(Marked.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.succeeded(1));
	}

	@Test
	void severalUnannotatedFieldsFailTheTestAskingForTheAnnotation() {
		EngineExecutionResults results = EngineRuns.run(Ambiguous.class);

		assertThat(EngineRuns.failures(results)).singleElement()
			.asString()
			.contains("@FlagstaffUnderTest")
			.contains("TargetTests.Ambiguous.first")
			.contains("TargetTests.Ambiguous.second");
	}

	@Test
	void usesTheConfiguredDefaultWhenTheTestHoldsNoFlagstaff() {
		EngineExecutionResults results = EngineRuns
			.run(Map.of(FlagstaffExtension.DEFAULT_PROVIDER_PROPERTY, DefaultProvider.class.getName()), NoField.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.succeeded(2));
	}

	@Test
	void failsNamingTheOptionsWhenThereIsNoFlagstaff() {
		EngineExecutionResults results = EngineRuns.run(NoField.class);

		assertThat(EngineRuns.failures(results)).hasSize(2)
			.allSatisfy((failure) -> assertThat(failure).contains("No Flagstaff to override")
				.contains("@FlagstaffUnderTest")
				.contains(FlagstaffExtension.DEFAULT_PROVIDER_PROPERTY));
	}

	@Test
	void theHandleCannotBeInjectedForAWholeClass() {
		EngineExecutionResults results = EngineRuns.run(HandleInBeforeAll.class);

		assertThat(EngineRuns.failures(results)).singleElement()
			.asString()
			.contains("belongs to one test")
			.contains("@BeforeEach");
	}

	static class StaticField {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		void forcesTheStaticField() {
			assertThat(on(FLAGSTAFF, "one-click")).isTrue();
		}

	}

	static class InstanceField {

		private final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		void forcesTheInstanceField() {
			assertThat(on(this.flagstaff, "one-click")).isTrue();
		}

	}

	static class AssignedInBeforeEach {

		private Flagstaff flagstaff;

		@BeforeEach
		void createFlagstaffThenForceMoreThroughTheHandle(FeatureFlags flags) {
			this.flagstaff = TestFlagstaffs.create();
			flags.enable("dark-mode");
		}

		@Test
		@DisableFeatures("new-checkout")
		void forcesTheAssignedField(FeatureFlags flags) {
			assertThat(on(this.flagstaff, "new-checkout")).isFalse();
			assertThat(on(this.flagstaff, "dark-mode")).isTrue();
			assertThat(flags.states().states()).containsOnlyKeys("new-checkout", "dark-mode");
		}

	}

	static class Marked {

		private final Flagstaff other = TestFlagstaffs.create();

		@FlagstaffUnderTest
		private final Flagstaff underTest = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		void forcesOnlyTheAnnotatedField() {
			assertThat(on(this.underTest, "one-click")).isTrue();
			assertThat(on(this.other, "one-click")).isFalse();
		}

	}

	static class Ambiguous {

		private final Flagstaff first = TestFlagstaffs.create();

		private final Flagstaff second = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		void cannotChoose() {
		}

	}

	/** The default of the fixtures that hold no Flagstaff. */
	public static class DefaultProvider implements FlagstaffProvider {

		@Override
		public Flagstaff create() {
			return TestFlagstaffs.create();
		}

	}

	static class NoField {

		@Test
		@EnableFeatures("one-click")
		void forcesTheDefault(FeatureFlags flags) {
			assertThat(on(flags.flagstaff(), "one-click")).isTrue();
		}

		@Test
		@WithVariant(feature = "checkout-layout", variant = "one-page")
		void forcesTheSameDefault(FeatureFlags flags) {
			assertThat(TestFlagstaffs.variant(flags.flagstaff(), "checkout-layout")).isEqualTo("one-page");
			assertThat(on(flags.flagstaff(), "one-click")).as("the other test's override is gone").isFalse();
		}

	}

	@EnableFeatures("one-click")
	static class HandleInBeforeAll {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@BeforeAll
		static void tooEarly(FeatureFlags flags) {
		}

		@Test
		void runs() {
		}

	}

}
