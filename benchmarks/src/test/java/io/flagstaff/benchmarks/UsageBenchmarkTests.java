package io.flagstaff.benchmarks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two evaluators of {@link UsageBenchmark} differ in what they are meant to: one
 * counts usage, the other does not, and both answer the same.
 */
class UsageBenchmarkTests {

	private final UsageBenchmark.Lib lib = new UsageBenchmark.Lib();

	@AfterEach
	void close() {
		this.lib.tearDown();
	}

	@Test
	void onlyTheCountingEvaluatorCountsAndBothAnswerAlike() {
		UsageBenchmark benchmark = new UsageBenchmark();
		Cursor on = new Cursor();
		Cursor off = new Cursor();
		for (int i = 0; i < Workload.USERS; i++) {
			assertThat(benchmark.statsOn(this.lib, on)).isEqualTo(benchmark.statsOff(this.lib, off));
			assertThat(benchmark.statsOnA(this.lib, on)).isTrue();
			assertThat(benchmark.statsOffA(this.lib, off)).isTrue();
		}
		assertThat(this.lib.counting.usage().feature(Workload.ROLLOUT).total()).isEqualTo(Workload.USERS);
		assertThat(this.lib.counting.usage().feature(Workload.ON_OFF).total()).isEqualTo(Workload.USERS);
		assertThat(this.lib.notCounting.usage().features()).isEmpty();
	}

}
