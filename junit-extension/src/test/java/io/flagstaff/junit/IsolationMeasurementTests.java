package io.flagstaff.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the {@link IsolationSuite} (15 classes, 34 tests, one shared server) through the
 * EngineTestKit. The build runs it once in parallel with 4 workers and requires zero
 * wrong checks. With {@code -Dflagstaff.isolation.runs=N} it also measures: N parallel
 * and N sequential runs, printing wall time, wrong checks and the most forced tests seen
 * inside at once (docs/testing.md reports the numbers; there is no timing assertion).
 */
class IsolationMeasurementTests {

	/**
	 * Four workers, JUnit's fork-join executor as configured by default otherwise (it
	 * lets more tests run while others wait on I/O).
	 */
	private static final Map<String, String> PARALLEL = Map.of("junit.jupiter.execution.parallel.enabled", "true",
			"junit.jupiter.execution.parallel.mode.default", "concurrent",
			"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
			"junit.jupiter.execution.parallel.config.strategy", "fixed",
			"junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

	private static final Map<String, String> SEQUENTIAL = Map.of("junit.jupiter.execution.parallel.enabled", "false");

	@Test
	void aParallelRunOfPlainAndForcedClassesOnOneServerHasNoIsolationFailure() {
		Run run = run(PARALLEL, 0);

		assertThat(run.failures()).isEmpty();
		assertThat(run.tests()).isEqualTo(34);
		assertThat(run.checks()).isEqualTo(34L * IsolationSuite.REQUESTS * 4);
		assertThat(run.wrong()).isZero();
	}

	@Test
	@EnabledIfSystemProperty(named = "flagstaff.isolation.runs", matches = "\\d+")
	void measure() {
		int runs = Integer.parseInt(System.getProperty("flagstaff.isolation.runs"));
		int latency = Integer.parseInt(System.getProperty("flagstaff.isolation.latency-ms", "5"));
		run(SEQUENTIAL, latency);
		List<String> lines = new ArrayList<>();
		lines.add("| mode | run | wall ms | tests failed | checks | wrong checks | most forced tests at once |");
		lines.add("|---|---|---|---|---|---|---|");
		for (String mode : List.of("parallel", "sequential")) {
			for (int i = 1; i <= runs; i++) {
				Run run = run(mode.equals("parallel") ? PARALLEL : SEQUENTIAL, latency);
				lines.add("| " + mode + " | " + i + " | " + run.millis() + " | " + run.failures().size() + " | "
						+ run.checks() + " | " + run.wrong() + " | " + run.mostForced() + " |");
			}
		}
		System.out.println("Isolation suite, " + runs + " runs per mode, " + latency + " ms per request:");
		lines.forEach(System.out::println);
	}

	private static Run run(Map<String, String> configuration, int latencyMillis) {
		ScopedServer.Flags.latencyMillis = latencyMillis;
		IsolationSuite.reset();
		long start = System.nanoTime();
		EngineExecutionResults results;
		try {
			results = EngineRuns.run(configuration, IsolationSuite.CLASSES);
		}
		finally {
			ScopedServer.Flags.latencyMillis = 0;
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new Run(millis, EngineRuns.failures(results), (int) results.testEvents().started().count(),
				IsolationSuite.CHECKS.get(), IsolationSuite.WRONG.get(), IsolationSuite.MOST_FORCED_INSIDE.get());
	}

	private record Run(long millis, List<String> failures, int tests, long checks, long wrong, int mostForced) {
	}

}
