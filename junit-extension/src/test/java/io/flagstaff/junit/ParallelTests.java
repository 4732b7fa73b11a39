package io.flagstaff.junit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static io.flagstaff.junit.TestFlagstaffs.on;
import static org.assertj.core.api.Assertions.assertThat;

class ParallelTests {

	private static final Map<String, String> PARALLEL = Map.of("junit.jupiter.execution.parallel.enabled", "true",
			"junit.jupiter.execution.parallel.mode.default", "concurrent",
			"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
			"junit.jupiter.execution.parallel.config.strategy", "fixed",
			"junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

	@Test
	void testsOfOneSharedEvaluatorSeeOnlyTheirOwnStatesAndGlobalOnesRunAlone() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, SharedForcing.class, SharedReading.class,
				SharedMatrix.class, SharedGlobal.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(38).succeeded(38));
		assertThat(Shared.FLAGSTAFF.overrides().current()).isEmpty();
		assertThat(Shared.FLAGSTAFF.currentScope()).isNull();
	}

	@Test
	void twoTestsForceOppositeStatesOfOneFlagOfOneEvaluatorAtTheSameTime() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, Opposite.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@Test
	void testsOnSeparateEvaluatorsRunAtTheSameTime() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, Separate.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@Test
	void declaresJUnitLocksForEvaluatorsKnownFromTheClassExclusiveOnlyForGlobalStates() {
		FlagstaffResourceLocks provider = new FlagstaffResourceLocks();
		String prefix = FlagstaffResourceLocks.KEY_PREFIX;

		assertThat(provider.provideForClass(SharedForcing.class)).containsExactly(
				new Lock(prefix + "field:" + SharedForcing.class.getName() + "#FLAGSTAFF", ResourceAccessMode.READ));
		assertThat(provider.provideForClass(SharedGlobal.class)).containsExactly(new Lock(
				prefix + "field:" + SharedGlobal.class.getName() + "#FLAGSTAFF", ResourceAccessMode.READ_WRITE));
		assertThat(provider.provideForNestedClass(List.of(), Separate.class)).isEmpty();
		assertThat(provider.provideForClass(TargetTests.NoField.class))
			.containsExactly(new Lock(prefix + "default", ResourceAccessMode.READ));
		assertThat(provider.provideForClass(SpringServerTests.class)).as("Spring: one lease per Flagstaff at run time")
			.isEmpty();
	}

	/**
	 * One evaluator shared by several fixture classes, each holding it in its own static
	 * field.
	 */
	static final class Shared {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		static final AtomicInteger ACTIVE = new AtomicInteger();

		static final AtomicInteger GLOBAL_ACTIVE = new AtomicInteger();

		private Shared() {
		}

		/**
		 * Checks, many times over while the test runs, that the evaluator serves what
		 * this test expects, and that a test with global states is alone inside.
		 */
		static void holdsStill(Map<String, Boolean> expected) {
			holdsStill(expected, false);
		}

		static void holdsStill(Map<String, Boolean> expected, boolean global) {
			int active = ACTIVE.incrementAndGet();
			int globalActive = global ? GLOBAL_ACTIVE.incrementAndGet() : GLOBAL_ACTIVE.get();
			try {
				if (global) {
					assertThat(active).as("tests inside while a global one runs").isEqualTo(1);
				}
				else {
					assertThat(globalActive).as("global tests inside while a scoped one runs").isZero();
				}
				for (int i = 0; i < 2_000; i++) {
					for (Map.Entry<String, Boolean> entry : expected.entrySet()) {
						if (on(FLAGSTAFF, entry.getKey()) != entry.getValue()) {
							throw new AssertionError("Flag " + entry.getKey() + " changed under the test: leaked "
									+ FLAGSTAFF.overrides().current());
						}
					}
					Thread.yield();
				}
			}
			finally {
				ACTIVE.decrementAndGet();
				if (global) {
					GLOBAL_ACTIVE.decrementAndGet();
				}
			}
		}

	}

	static class SharedForcing {

		static final Flagstaff FLAGSTAFF = Shared.FLAGSTAFF;

		@RepeatedTest(8)
		@EnableFeatures({ "one-click", "dark-mode" })
		@DisableFeatures("new-checkout")
		void forcesWithAnnotations() {
			Shared.holdsStill(Map.of("one-click", true, "dark-mode", true, "new-checkout", false));
		}

		@RepeatedTest(8)
		@ExtendWith(FlagstaffExtension.class)
		void forcesWithTheHandle(FeatureFlags flags) {
			flags.disable("new-checkout", "checkout-layout").enable("one-click");
			Shared.holdsStill(Map.of("one-click", true, "new-checkout", false, "checkout-layout", false));
		}

	}

	@GlobalOverrides
	static class SharedGlobal {

		static final Flagstaff FLAGSTAFF = Shared.FLAGSTAFF;

		@RepeatedTest(6)
		@DisableFeatures("checkout-layout")
		void forcesForEveryThread(FeatureFlags flags) throws Exception {
			flags.enable("dark-mode");
			assertThat(FLAGSTAFF.overrides().current()).containsEntry("dark-mode", "on");
			assertThat(CompletableFuture.supplyAsync(() -> on(FLAGSTAFF, "dark-mode")).get(30, TimeUnit.SECONDS))
				.as("another thread")
				.isTrue();
			Shared.holdsStill(Map.of("dark-mode", true, "checkout-layout", false, "new-checkout", true), true);
		}

	}

	static class SharedReading {

		static final Flagstaff FLAGSTAFF = Shared.FLAGSTAFF;

		@RepeatedTest(8)
		@ExtendWith(FlagstaffExtension.class)
		void seesTheStoreStates() {
			Shared.holdsStill(Map.of("one-click", false, "dark-mode", false, "new-checkout", true));
		}

	}

	static class SharedMatrix {

		static final Flagstaff FLAGSTAFF = Shared.FLAGSTAFF;

		@RepeatedTest(4)
		@ExtendWith(FlagstaffExtension.class)
		void seesTheStoreStatesToo() {
			Shared.holdsStill(Map.of("one-click", false, "checkout-layout", true));
		}

		@FeatureMatrix({ "one-click", "dark-mode" })
		void forcesEachCombination(FeatureStates states) {
			Shared.holdsStill(Map.of("one-click", states.isEnabled("one-click"), "dark-mode",
					states.isEnabled("dark-mode"), "new-checkout", true));
		}

	}

	static class Opposite {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		static final CyclicBarrier BOTH_INSIDE = new CyclicBarrier(2);

		@Test
		@EnableFeatures("one-click")
		void forcesOn() throws Exception {
			meetAndCheck(true);
		}

		@Test
		@DisableFeatures("one-click")
		@EnableFeatures("dark-mode")
		void forcesOff() throws Exception {
			meetAndCheck(false);
			assertThat(on(FLAGSTAFF, "dark-mode")).isTrue();
		}

		private static void meetAndCheck(boolean expected) throws Exception {
			BOTH_INSIDE.await(30, TimeUnit.SECONDS);
			assertThat(on(FLAGSTAFF, "one-click")).isEqualTo(expected);
			assertThat(CompletableFuture.supplyAsync(() -> on(FLAGSTAFF, "one-click")).get(30, TimeUnit.SECONDS))
				.as("a thread outside the scope sees the store")
				.isFalse();
			BOTH_INSIDE.await(30, TimeUnit.SECONDS);
		}

	}

	static class Separate {

		static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@EnableFeatures("one-click")
		void first() throws Exception {
			BOTH_RUNNING.await(30, TimeUnit.SECONDS);
			assertThat(on(this.flagstaff, "one-click")).isTrue();
		}

		@Test
		@DisableFeatures("one-click")
		void second() throws Exception {
			BOTH_RUNNING.await(30, TimeUnit.SECONDS);
			assertThat(on(this.flagstaff, "one-click")).isFalse();
		}

	}

}
