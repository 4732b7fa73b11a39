package io.flagstaff.benchmarks;

import dev.openfeature.sdk.ProviderEvaluation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider and Flagstaff answer every scenario alike for every user, as the overhead
 * benchmark compares them.
 */
class ProviderOverheadBenchmarkTests {

	@Test
	void theProviderAndFlagstaffAgreeForEveryUserAndScenario() throws Exception {
		ProviderOverheadBenchmark benchmark = new ProviderOverheadBenchmark();
		try {
			Cursor viaProvider = new Cursor();
			Cursor viaFlagstaff = new Cursor();
			for (int user = 0; user < Workload.USERS; user++) {
				assertAgree(benchmark.provider_a(viaProvider), benchmark.flagstaff_a(viaFlagstaff));
				assertAgree(benchmark.provider_b(viaProvider), benchmark.flagstaff_b(viaFlagstaff));
				assertAgree(benchmark.provider_c(viaProvider), benchmark.flagstaff_c(viaFlagstaff));
				assertAgree(benchmark.provider_d(viaProvider), benchmark.flagstaff_d(viaFlagstaff));
			}
		}
		finally {
			benchmark.tearDown();
		}
	}

	private static void assertAgree(ProviderEvaluation<?> provider, Object flagstaff) {
		assertThat(provider.getErrorCode()).isNull();
		assertThat(provider.getValue()).isEqualTo(flagstaff);
	}

}
