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
	void firstAndLastEvaluationFollowTheCoarseClock() {
		MutableClock clock = new MutableClock(START);
		CoarseClock coarse = new CoarseClock(clock);
		UsageCounter counter = new UsageCounter(coarse);
		counter.record(true, counter.variant("a"));
		clock.now = START.plusSeconds(5);
		counter.record(false, null);
		assertThat(counter.read().lastEvaluated()).as("not ticked yet").isEqualTo(START);
		coarse.tick();
		counter.record(true, counter.variant("b"));
		UsageSnapshot.FeatureUsage usage = counter.read();
		assertThat(usage.firstEvaluated()).isEqualTo(START);
		assertThat(usage.lastEvaluated()).isEqualTo(START.plusSeconds(5));
		assertThat(usage.on()).isEqualTo(2);
		assertThat(usage.off()).isEqualTo(1);
		assertThat(usage.variants()).containsEntry("a", 1L).containsEntry("b", 1L);
	}

	@Test
	void anUnusedCounterHasNoTimes() {
		UsageSnapshot.FeatureUsage usage = new UsageCounter(new CoarseClock(Clock.systemUTC())).read();
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
