package io.flagstaff.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every library's benchmark, called the way JMH calls it (one instance, a cursor per
 * thread, the tear-down at the end), answers each scenario it measures right for every
 * user, on a reused context and on one built per call alike: A on, B sticky (except
 * FF4J's, which is random per call), C as the rule says, D one of the variants.
 */
class PeerBenchmarkTests {

	static Stream<Arguments> benchmarks() {
		return Stream.of(Arguments.of("FF4J", (Supplier<PeerBenchmark<?>>) Ff4jBenchmark::new, 4),
				Arguments.of("Togglz", (Supplier<PeerBenchmark<?>>) TogglzBenchmark::new, 4),
				Arguments.of("Unleash", (Supplier<PeerBenchmark<?>>) UnleashBenchmark::new, 8),
				Arguments.of("OpenFeature", (Supplier<PeerBenchmark<?>>) OpenFeatureBenchmark::new, 8),
				Arguments.of("LaunchDarkly", (Supplier<PeerBenchmark<?>>) LaunchDarklyBenchmark::new, 8),
				Arguments.of("Flagstaff", (Supplier<PeerBenchmark<?>>) FlagstaffBenchmark::new, 8), Arguments
					.of("OpenFeature+Flagstaff", (Supplier<PeerBenchmark<?>>) OpenFeatureFlagstaffBenchmark::new, 8));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("benchmarks")
	void answersEveryScenarioItMeasuresForEveryUser(String library, Supplier<PeerBenchmark<?>> create,
			int benchmarkCount) throws Exception {
		PeerBenchmark<?> benchmark = create.get();
		List<Method> methods = new ArrayList<>();
		for (Method method : benchmark.getClass().getMethods()) {
			if (method.isAnnotationPresent(Benchmark.class)) {
				methods.add(method);
			}
		}
		methods.sort(Comparator.comparing(Method::getName));
		assertThat(methods).hasSize(benchmarkCount);
		try {
			for (Method method : methods) {
				Cursor cursor = new Cursor();
				Cursor again = new Cursor();
				String scenario = method.getName().substring(0, 1);
				for (int user = 1; user <= Workload.USERS; user++) {
					Object answer = method.invoke(benchmark, cursor);
					String at = method.getName() + ", user " + (user & Workload.MASK);
					switch (scenario) {
						case "a" -> assertThat(answer).as(at).isEqualTo(true);
						case "b" -> {
							if (!library.equals("FF4J")) {
								assertThat(method.invoke(benchmark, again)).as(at).isEqualTo(answer);
							}
						}
						case "c" -> assertThat(answer).as(at).isEqualTo(Workload.ruleMatches(user));
						default -> {
							assertThat(Workload.VARIANTS).as(at).contains((String) answer);
							assertThat(method.invoke(benchmark, again)).as(at).isEqualTo(answer);
						}
					}
				}
			}
		}
		finally {
			benchmark.tearDown();
		}
	}

}
