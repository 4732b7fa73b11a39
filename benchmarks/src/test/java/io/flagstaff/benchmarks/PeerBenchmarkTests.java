package io.flagstaff.benchmarks;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every library's benchmark, called the way JMH calls it (one instance, a cursor per
 * thread, the tear-down at the end), answers every scenario it measures right for every
 * user, on a reused context and on one built per call alike: the shared harness wires
 * each library to the scenario it claims.
 */
class PeerBenchmarkTests {

	static Stream<Arguments> benchmarks() {
		return Stream.of(Arguments.of("FF4J", (Supplier<PeerBenchmark<?, ?>>) Ff4jBenchmark::new),
				Arguments.of("Togglz", (Supplier<PeerBenchmark<?, ?>>) TogglzBenchmark::new),
				Arguments.of("Unleash", (Supplier<PeerBenchmark<?, ?>>) UnleashBenchmark::new),
				Arguments.of("OpenFeature", (Supplier<PeerBenchmark<?, ?>>) OpenFeatureBenchmark::new),
				Arguments.of("LaunchDarkly", (Supplier<PeerBenchmark<?, ?>>) LaunchDarklyBenchmark::new),
				Arguments.of("Flagstaff", (Supplier<PeerBenchmark<?, ?>>) FlagstaffBenchmark::new));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("benchmarks")
	void answersEveryScenarioItMeasuresForEveryUser(String library, Supplier<PeerBenchmark<?, ?>> create)
			throws Exception {
		PeerBenchmark<?, ?> benchmark = create.get();
		try {
			Cursor reused = new Cursor();
			Cursor built = new Cursor();
			int user = 0;
			int rolledOut = 0;
			for (int n = 0; n < Workload.USERS; n++) {
				// both cursors move one user on with each call, as a benchmark thread's
				// does
				user = (user + 1) & Workload.MASK;
				assertThat(List.of(benchmark.a_reused(reused), benchmark.a_built(built))).as("A, user %d", user)
					.containsOnly(true);
				user = (user + 1) & Workload.MASK;
				boolean inRollout = benchmark.b_reused(reused);
				rolledOut += inRollout ? 1 : 0;
				if (!library.equals("FF4J")) {
					assertThat(benchmark.b_built(built)).as("B (sticky), user %d", user).isEqualTo(inRollout);
				}
				else {
					benchmark.b_built(built);
				}
				if (benchmark instanceof AllScenariosBenchmark<?, ?> all) {
					user = (user + 1) & Workload.MASK;
					assertThat(List.of(all.c_reused(reused), all.c_built(built))).as("C, user %d", user)
						.containsOnly(Workload.ruleMatches(user));
					user = (user + 1) & Workload.MASK;
					String variant = all.d_reused(reused);
					assertThat(Workload.VARIANTS).as("D, user %d", user).contains(variant);
					assertThat(all.d_built(built)).as("D, user %d", user).isEqualTo(variant);
				}
			}
			// the share itself is PeersTests' (over all users; here B sees a quarter or
			// half
			// of them)
			assertThat(rolledOut).as("B answers on and off").isBetween(1, Workload.USERS - 1);
		}
		finally {
			benchmark.tearDown();
		}
	}

}
