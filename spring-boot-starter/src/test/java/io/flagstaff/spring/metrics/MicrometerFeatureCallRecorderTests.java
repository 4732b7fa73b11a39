package io.flagstaff.spring.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerFeatureCallRecorderTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MicrometerFeatureCallRecorder recorder = new MicrometerFeatureCallRecorder(this.registry);

	private Timer timer(String variant, String outcome, String exception) {
		return this.registry.get(MicrometerFeatureCallRecorder.CALLS)
			.tags("feature", "new-checkout", "variant", variant, "outcome", outcome, "exception", exception)
			.timer();
	}

	@Test
	void recordsEachCallOnTheTimerOfItsVariantOutcomeAndException() {
		this.recorder.recordSuccess("new-checkout", null, 1_000);
		this.recorder.recordSuccess("new-checkout", null, 3_000);
		this.recorder.recordSuccess("new-checkout", "one-page", 2_000);
		this.recorder.recordFailure("new-checkout", "one-page", 5_000, new IllegalStateException());
		this.recorder.recordFailure("new-checkout", "one-page", 5_000, new IllegalStateException());
		this.recorder.recordFailure("new-checkout", "one-page", 5_000, new RuntimeException() {
		});
		assertThat(timer("none", "success", "none").count()).isEqualTo(2);
		assertThat(timer("none", "success", "none").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
			.isEqualTo(4_000);
		assertThat(timer("one-page", "success", "none").count()).isEqualTo(1);
		assertThat(timer("one-page", "failure", "IllegalStateException").count()).isEqualTo(2);
		assertThat(timer("one-page", "failure", getClass().getName() + "$1").count()).isEqualTo(1);
		assertThat(this.registry.getMeters()).hasSize(4);
	}

	@Test
	void countsEvaluationsPerResult() {
		this.recorder.recordEvaluation("new-checkout", "on");
		this.recorder.recordEvaluation("new-checkout", "on");
		this.recorder.recordEvaluation("new-checkout", "off");
		this.recorder.recordEvaluation("pricing", "discount");
		assertThat(this.registry.get(MicrometerFeatureCallRecorder.EVALUATIONS)
			.tags("feature", "new-checkout", "result", "on")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.get(MicrometerFeatureCallRecorder.EVALUATIONS)
			.tags("feature", "new-checkout", "result", "off")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(MicrometerFeatureCallRecorder.EVALUATIONS)
			.tags("feature", "pricing", "result", "discount")
			.counter()
			.count()).isEqualTo(1);
	}

}
