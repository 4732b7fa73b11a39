package io.flagstaff.benchmarks;

import java.time.Duration;
import java.util.List;

import io.flagstaff.Flagstaff;
import io.flagstaff.health.HealthGuard;
import io.flagstaff.health.KillSwitch;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The health guard's recording of a successful call (what {@code @FeatureToggle} does
 * after every guarded call), for a flag with a full health policy and two variants. Run
 * with {@code -prof gc}: recording is meant to allocate nothing.
 */
public class HealthRecordBenchmark {

	/** A guard over one flag with an error, failure-rate and latency policy. */
	@State(Scope.Benchmark)
	public static class Guard {

		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("checkout")
			.owner("team")
			.health(new HealthPolicy(10, null, 0.5, 10, Duration.ofMillis(100), 10, null, HealthPolicy.Scope.FEATURE))
			.variants(List.of(new VariantDefinition("a", 1, null), new VariantDefinition("b", 1, null)))
			.build());

		Flagstaff flagstaff = Flagstaff.builder(this.store).build();

		HealthGuard guard = HealthGuard.builder(this.flagstaff, KillSwitch.of(this.store)).build();

		/** Closes the evaluator. */
		@TearDown
		public void tearDown() {
			this.flagstaff.close();
		}

	}

	/**
	 * Records one successful call of variant {@code a} that took 1 µs.
	 * @param guard the guard
	 */
	@Benchmark
	public void recordSuccess(Guard guard) {
		guard.guard.recordSuccess("checkout", "a", 1000);
	}

}
