package io.flagstaff.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.flagstaff.UsageSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCounterTests {

	private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

	@Test
	void firstAndLastEvaluationAreTheSweepsThatSawTheCountMove() {
		MutableClock clock = new MutableClock(START);
		CoarseClock coarse = new CoarseClock(clock);
		UsageRegistry registry = new UsageRegistry(coarse);
		UsageCounter counter = registry.counter("f");
		counter.record(true, counter.variant("a"));
		clock.now = START.plusSeconds(5);
		counter.record(false, null);
		assertThat(counter.read().lastEvaluated()).as("no sweep yet").isNull();
		coarse.tick();
		coarse.sweep();
		UsageSnapshot.FeatureUsage swept = counter.read();
		assertThat(swept.firstEvaluated()).isEqualTo(START.plusSeconds(5));
		assertThat(swept.lastEvaluated()).isEqualTo(START.plusSeconds(5));
		clock.now = START.plusSeconds(9);
		coarse.tick();
		coarse.sweep();
		assertThat(counter.read().lastEvaluated()).as("nothing evaluated since the previous sweep")
			.isEqualTo(START.plusSeconds(5));
		counter.record(true, counter.variant("b"));
		clock.now = START.plusSeconds(12);
		coarse.tick();
		UsageSnapshot.FeatureUsage usage = registry.snapshot().feature("f");
		assertThat(usage.firstEvaluated()).isEqualTo(START.plusSeconds(5));
		assertThat(usage.lastEvaluated()).as("reading sweeps first").isEqualTo(START.plusSeconds(12));
		assertThat(usage.on()).isEqualTo(2);
		assertThat(usage.off()).isEqualTo(1);
		assertThat(usage.variants()).containsEntry("a", 1L).containsEntry("b", 1L);
	}

	@Test
	void theClockSweepsEveryTenTicks() {
		MutableClock clock = new MutableClock(START);
		CoarseClock coarse = new CoarseClock(clock);
		UsageRegistry registry = new UsageRegistry(coarse);
		UsageCounter counter = registry.counter("f");
		counter.record(true, null);
		for (int i = 1; i < CoarseClock.SWEEP_TICKS; i++) {
			coarse.tick();
		}
		assertThat(counter.read().lastEvaluated()).isNull();
		coarse.tick();
		assertThat(counter.read().lastEvaluated()).isEqualTo(START);
	}

	@Test
	void aFailingSweepTaskDoesNotStopTheOthers() {
		CoarseClock coarse = new CoarseClock(new MutableClock(START));
		coarse.everySweep(() -> {
			throw new IllegalStateException("boom");
		});
		UsageRegistry registry = new UsageRegistry(coarse);
		registry.counter("f").record(false, null);
		coarse.sweep();
		assertThat(registry.counter("f").read().lastEvaluated()).isEqualTo(START);
	}

	@Test
	void offIsTheTotalLessTheOnCount() {
		UsageCounter counter = new UsageCounter();
		for (int i = 0; i < 10; i++) {
			counter.record(i % 3 == 0, null);
		}
		UsageSnapshot.FeatureUsage usage = counter.read();
		assertThat(usage.on()).isEqualTo(4);
		assertThat(usage.off()).isEqualTo(6);
		assertThat(counter.total()).isEqualTo(10);
	}

	@Test
	void anUnusedCounterHasNoTimes() {
		UsageSnapshot.FeatureUsage usage = new UsageCounter().read();
		assertThat(usage.total()).isZero();
		assertThat(usage.firstEvaluated()).isNull();
		assertThat(usage.lastEvaluated()).isNull();
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
