package io.flagstaff.benchmarks;

import io.flagstaff.FeatureDisabledException;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Spring benchmark measures real advice: the guard, the timer and the router all act.
 */
class SpringBenchmarkTests {

	private final SpringBenchmark.Beans beans = new SpringBenchmark.Beans();

	SpringBenchmarkTests() {
		this.beans.setUp();
	}

	@AfterEach
	void close() {
		this.beans.tearDown();
	}

	@Test
	void everyMeasuredCallGoesThroughItsProxyAndReturnsTheSameValue() {
		assertThat(AopUtils.isAopProxy(this.beans.guarded)).isTrue();
		assertThat(AopUtils.isAopProxy(this.beans.timed)).isTrue();
		assertThat(this.beans.routing.getClass()).as("the generated routing class")
			.isNotEqualTo(SpringBenchmark.NewGreeter.class)
			.isNotEqualTo(SpringBenchmark.OldGreeter.class);
		assertThat(this.beans.routing.getClass().getName()).contains("_FlagstaffRouter_");
		try (FeatureScope.Opened ignored = FeatureScope.pin(this.beans.flagstaff, FlagstaffScenarios.context(7))
			.open()) {
			assertThat(this.beans.guarded.work(3)).isEqualTo(this.beans.plain.work(3));
			assertThat(this.beans.timed.work(3)).isEqualTo(this.beans.plain.work(3));
			assertThat(this.beans.routing.greet(3)).isEqualTo(new SpringBenchmark.NewGreeter().greet(3));
			assertThat(this.beans.routingNoRecorder.greet(3)).isEqualTo(new SpringBenchmark.NewGreeter().greet(3));
		}
	}

	@Test
	void theGuardAndTheRouterFollowTheFlag() {
		((InMemoryFeatureStore) this.beans.flagstaff.store())
			.put(FeatureDefinition.builder(Workload.ON_OFF).enabled(false).build());
		this.beans.flagstaff.refresh();
		try (FeatureScope.Opened ignored = FeatureScope.pin(this.beans.flagstaff, FlagstaffScenarios.context(7))
			.open()) {
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(() -> this.beans.guarded.work(3));
			assertThat(this.beans.routing.greet(3)).isEqualTo(new SpringBenchmark.OldGreeter().greet(3));
			assertThat(this.beans.routingNoRecorder.greet(3)).isEqualTo(new SpringBenchmark.OldGreeter().greet(3));
		}
	}

}
