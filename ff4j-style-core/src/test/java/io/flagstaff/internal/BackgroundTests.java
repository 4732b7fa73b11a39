package io.flagstaff.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Background tasks survive any failure short of a fatal virtual machine error.
 */
class BackgroundTests {

	private static final System.Logger logger = System.getLogger(BackgroundTests.class.getName());

	@Test
	void aRoundFailingWithAnythingButAFatalErrorIsLoggedAndReported() {
		assertThat(Background.run(logger, "a test round", () -> {
			throw new StackOverflowError("deep input");
		})).isFalse();
		assertThat(Background.run(logger, "a test round", () -> {
			throw new LinkageError("missing class");
		})).isFalse();
		assertThat(Background.run(logger, "a test round", () -> {
		})).isTrue();
		assertThatExceptionOfType(OutOfMemoryError.class)
			.isThrownBy(() -> Background.run(logger, "a test round", () -> {
				throw new OutOfMemoryError("heap");
			}));
	}

	@Test
	void theClockThreadSurvivesAClockAndSweepTasksFailingWithErrors() {
		AtomicInteger reads = new AtomicInteger();
		Instant later = Instant.parse("2026-11-22T12:00:00Z");
		Clock failing = new Clock() {

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
				int read = reads.incrementAndGet();
				if (read == 1) {
					return Instant.EPOCH;
				}
				if (read < 4) {
					throw new StackOverflowError("a clock recursing without end");
				}
				return later;
			}

		};
		AtomicInteger sweeps = new AtomicInteger();
		try (CoarseClock clock = new CoarseClock(failing)) {
			clock.everySweep(() -> {
				throw new AssertionError("a sweep with a bug");
			});
			clock.everySweep(sweeps::incrementAndGet);
			clock.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> clock.millis() == later.toEpochMilli());
			await().atMost(Duration.ofSeconds(10)).until(() -> sweeps.get() >= 2);
		}
	}

}
