package io.flagstaff.junit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
	void testsOverridingOneSharedEvaluatorFromDifferentClassesNeverOverlapNorLeak() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, SharedForcing.class, SharedReading.class,
				SharedMatrix.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(32).succeeded(32));
		assertThat(Shared.FLAGSTAFF.overrides().current()).isEmpty();
		assertThat(Shared.MOST_ACTIVE.get()).isEqualTo(1);
	}

	@Test
	void testsOnSeparateEvaluatorsRunAtTheSameTime() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, Separate.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@Test
	void declaresJUnitLocksForEvaluatorsKnownFromTheClass() {
		FlagstaffResourceLocks provider = new FlagstaffResourceLocks();
		String prefix = FlagstaffResourceLocks.KEY_PREFIX;

		assertThat(provider.provideForClass(SharedForcing.class))
			.containsExactly(new Lock(prefix + "field:" + SharedForcing.class.getName() + "#FLAGSTAFF"));
		assertThat(provider.provideForNestedClass(List.of(), Separate.class)).isEmpty();
		assertThat(provider.provideForClass(TargetTests.NoField.class)).containsExactly(new Lock(prefix + "default"));
		assertThat(provider.provideForClass(SpringServerTests.class)).containsExactly(new Lock(prefix + "spring"));
	}

	/**
	 * One evaluator shared by several fixture classes, each holding it in its own static
	 * field.
	 */
	static final class Shared {

		static final Flagstaff FLAGSTAFF = TestFlagstaffs.create();

		static final AtomicInteger ACTIVE = new AtomicInteger();

		static final AtomicInteger MOST_ACTIVE = new AtomicInteger();

		private Shared() {
		}

		/**
		 * Checks, many times over while the test runs, that the evaluator serves what
		 * this test expects and that no other test is inside at the same time.
		 */
		static void holdsStill(Map<String, Boolean> expected) {
			int active = ACTIVE.incrementAndGet();
			MOST_ACTIVE.accumulateAndGet(active, Math::max);
			try {
				assertThat(active).as("tests inside the shared evaluator at once").isEqualTo(1);
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
