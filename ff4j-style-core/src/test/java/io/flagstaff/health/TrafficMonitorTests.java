package io.flagstaff.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrafficMonitorTests {

	private final Map<String, Double> traffic = new ConcurrentHashMap<>();

	private final TrafficSignal signal = (feature) -> {
		Double value = this.traffic.get(feature);
		return (value != null) ? OptionalDouble.of(value) : OptionalDouble.empty();
	};

	private final List<AutoDisabledEvent> events = new CopyOnWriteArrayList<>();

	private final InMemoryFeatureStore store = InMemoryFeatureStore.of(
			FeatureDefinition.builder("new-ui").enabled(false).health(dropPolicy(0.5)).build(),
			FeatureDefinition.builder("old-ui").health(dropPolicy(0.5)).build(),
			FeatureDefinition.builder("plain").enabled(false).build());

	private final Flagstaff flagstaff = Flagstaff.builder(this.store).build();

	private final TrafficMonitor monitor = TrafficMonitor
		.builder(this.flagstaff, KillSwitch.of(this.store), this.signal)
		.baselineSamples(2)
		.listener(this.events::add)
		.build();

	@AfterEach
	void close() {
		this.monitor.close();
		this.flagstaff.close();
	}

	@Test
	void aDropOfExactlyTheThresholdKeepsTheFlagAndAnyMoreDisablesIt() {
		this.traffic.put("new-ui", 1000.0);
		this.monitor.check();
		this.traffic.put("new-ui", 1200.0);
		this.monitor.check();
		enable("new-ui");
		this.traffic.put("new-ui", 550.0);
		assertThat(this.monitor.check()).isEmpty();
		assertThat(this.monitor.baseline("new-ui")).hasValue(1100.0);
		this.traffic.put("new-ui", 550.0);
		assertThat(this.monitor.check()).as("a drop of exactly 50%").isEmpty();
		this.traffic.put("new-ui", 549.0);
		List<AutoDisabledEvent> disabled = this.monitor.check();
		assertThat(disabled).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(Trigger.TRAFFIC_DROP);
			assertThat(event.kill().actor()).isEqualTo("health-guard");
			assertThat(event.reason()).isEqualTo(
					"'new-ui': traffic fell 50.1% (baseline 1100 before enabling, now 549), more than maxTrafficDrop 50.0%");
			assertThat(event.figures()).containsEntry("baseline", 1100.0).containsEntry("traffic", 549.0);
		});
		assertThat(this.events).isEqualTo(disabled);
		assertThat(this.flagstaff.isEnabled("new-ui")).isFalse();
		assertThat(this.store.feature("new-ui").definition().killed().reason()).isEqualTo(disabled.get(0).reason());
	}

	@Test
	void aFlagServingBeforeTheMonitorSawItOffHasNoBaseline() {
		this.traffic.put("old-ui", 1000.0);
		this.monitor.check();
		this.traffic.put("old-ui", 1.0);
		assertThat(this.monitor.check()).isEmpty();
		assertThat(this.monitor.baseline("old-ui")).isEmpty();
	}

	@Test
	void flagsWithoutATrafficPolicyOrWithoutAFigureAreSkipped() {
		this.traffic.put("plain", 1000.0);
		this.monitor.check();
		enable("plain");
		this.traffic.put("plain", 0.0);
		assertThat(this.monitor.check()).isEmpty();
		this.traffic.put("new-ui", 1000.0);
		this.monitor.check();
		enable("new-ui");
		this.traffic.remove("new-ui");
		assertThat(this.monitor.check()).isEmpty();
		assertThat(this.flagstaff.isEnabled("new-ui")).isTrue();
	}

	@Test
	void aDisabledFlagTakesAFreshBaselineBeforeItIsEnabledAgain() {
		this.traffic.put("new-ui", 1000.0);
		this.monitor.check();
		enable("new-ui");
		this.traffic.put("new-ui", 100.0);
		assertThat(this.monitor.check()).hasSize(1);
		this.monitor.check();
		this.traffic.put("new-ui", 200.0);
		this.monitor.check();
		enable("new-ui");
		assertThat(this.monitor.check()).isEmpty();
		assertThat(this.monitor.baseline("new-ui")).hasValue(150.0);
	}

	@Test
	void roundsRunOnTheSuppliedScheduler() throws InterruptedException {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		try (TrafficMonitor scheduled = TrafficMonitor.builder(this.flagstaff, KillSwitch.of(this.store), this.signal)
			.scheduler(scheduler)
			.interval(Duration.ofMillis(10))
			.baselineSamples(1)
			.listener(this.events::add)
			.build()) {
			this.traffic.put("new-ui", 1000.0);
			scheduled.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> scheduled.rounds() > 0);
			enable("new-ui");
			this.traffic.put("new-ui", 10.0);
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.events.isEmpty());
			assertThat(this.flagstaff.isEnabled("new-ui")).isFalse();
		}
		assertThat(scheduler.isShutdown()).as("a supplied scheduler is left running").isFalse();
		scheduler.shutdown();
		assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aRoundFailingWithAnyErrorIsLoggedAndTheNextRoundRunsOnSchedule() {
		java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
		TrafficSignal failingTwice = (feature) -> {
			int read = reads.incrementAndGet();
			if (read == 1) {
				throw new StackOverflowError("a signal recursing without end");
			}
			if (read == 2) {
				throw new AssertionError("a signal with a bug");
			}
			return this.signal.traffic(feature);
		};
		try (TrafficMonitor scheduled = TrafficMonitor.builder(this.flagstaff, KillSwitch.of(this.store), failingTwice)
			.interval(Duration.ofMillis(10))
			.build()) {
			scheduled.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> scheduled.rounds() > 0);
			assertThat(reads.get()).isGreaterThan(2);
		}
	}

	private void enable(String key) {
		this.store.enable(key, "ops");
		this.flagstaff.refresh();
	}

	private static HealthPolicy dropPolicy(double maxTrafficDrop) {
		return new HealthPolicy(null, null, null, null, null, null, maxTrafficDrop, HealthPolicy.Scope.FEATURE);
	}

}
