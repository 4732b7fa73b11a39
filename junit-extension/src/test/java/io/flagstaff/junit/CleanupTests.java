package io.flagstaff.junit;

import io.flagstaff.Flagstaff;
import io.flagstaff.store.StoreContent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static io.flagstaff.junit.TestFlagstaffs.on;
import static org.assertj.core.api.Assertions.assertThat;

class CleanupTests {

	@Test
	void overridesAreRemovedAfterAFailingTestAndTheNextTestSeesTheStore() {
		StoreContent before = FailingFirst.FLAGSTAFF.store().load();

		EngineExecutionResults results = EngineRuns.run(FailingFirst.class);

		assertThat(EngineRuns.failures(results)).singleElement()
			.asString()
			.startsWith("failsWithFlagsForced(FeatureFlags): AssertionError: boom");
		results.testEvents().assertStatistics((stats) -> stats.started(3).succeeded(2).failed(1));
		assertThat(FailingFirst.FLAGSTAFF.overrides().current()).isEmpty();
		assertThat(on(FailingFirst.FLAGSTAFF, "new-checkout")).isTrue();
		assertThat(on(FailingFirst.FLAGSTAFF, "one-click")).isFalse();
		assertThat(FailingFirst.FLAGSTAFF.store().load()).isEqualTo(before);
	}

	@Test
	void overridesThatWereThereBeforeTheTestAreRestored() {
		Flagstaff flagstaff = PreviouslyForced.FLAGSTAFF;
		flagstaff.overrides().force("one-click", true);
		flagstaff.overrides().forceVariant("checkout-layout", "one-page");
		try {
			EngineExecutionResults results = EngineRuns.run(PreviouslyForced.class);

			assertThat(EngineRuns.failures(results)).isEmpty();
			assertThat(flagstaff.overrides().current()).containsOnly(
					org.assertj.core.api.Assertions.entry("one-click", "on"),
					org.assertj.core.api.Assertions.entry("checkout-layout", "one-page"));
		}
		finally {
			flagstaff.overrides().clearAll();
		}
	}

	@Test
	void statesForcedBeforeAnInvalidOneAreRemovedWhenTheTestFailsToStart() {
		EngineExecutionResults results = EngineRuns.run(InvalidSecond.class);

		assertThat(EngineRuns.failures(results)).singleElement().asString().contains("'no-such-flag'");
		assertThat(InvalidSecond.FLAGSTAFF.overrides().current()).isEmpty();
	}

	@Test
	void aHandleUsedAfterItsTestEndedFails() {
		EngineExecutionResults results = EngineRuns.run(LeakedHandle.class);

		assertThat(EngineRuns.failures(results)).singleElement()
			.asString()
			.startsWith("usesTheHandleOfTheFirstTest()")
			.contains("has ended");
		assertThat(LeakedHandle.FLAGSTAFF.overrides().current()).isEmpty();
	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class FailingFirst {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@Test
		@Order(1)
		@EnableFeatures("one-click")
		@DisableFeatures("new-checkout")
		void failsWithFlagsForced(FeatureFlags flags) {
			flags.enable("dark-mode");
			throw new AssertionError("boom");
		}

		@Test
		@Order(2)
		@ExtendWith(FlagstaffExtension.class)
		void nextTestSeesTheStoreStates() {
			assertThat(on(FLAGSTAFF, "one-click")).isFalse();
			assertThat(on(FLAGSTAFF, "new-checkout")).isTrue();
			assertThat(on(FLAGSTAFF, "dark-mode")).isFalse();
			assertThat(FLAGSTAFF.overrides().current()).isEmpty();
		}

		@Test
		@Order(3)
		@EnableFeatures("one-click")
		void aLaterTestForcesAgain() {
			assertThat(on(FLAGSTAFF, "one-click")).isTrue();
		}

	}

	static class PreviouslyForced {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@Test
		@DisableFeatures("one-click")
		@WithVariant(feature = "checkout-layout", variant = "control")
		void forcesOtherStates() {
			assertThat(on(FLAGSTAFF, "one-click")).isFalse();
			assertThat(TestFlagstaffs.variant(FLAGSTAFF, "checkout-layout")).isEqualTo("control");
		}

	}

	static class InvalidSecond {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		@Test
		@EnableFeatures({ "one-click", "no-such-flag" })
		void neverRuns() {
		}

	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class LeakedHandle {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		private static FeatureFlags leaked;

		@Test
		@Order(1)
		@ExtendWith(FlagstaffExtension.class)
		void keepsTheHandle(FeatureFlags flags) {
			leaked = flags;
		}

		@Test
		@Order(2)
		@ExtendWith(FlagstaffExtension.class)
		void usesTheHandleOfTheFirstTest() {
			leaked.enable("one-click");
		}

	}

}
