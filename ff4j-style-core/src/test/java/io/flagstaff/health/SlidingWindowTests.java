package io.flagstaff.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowTests {

	private static final long SLICE = Duration.ofSeconds(1).toNanos();

	private final SlidingWindow window = new SlidingWindow(Duration.ofSeconds(10));

	@Test
	void aCallStaysCountedForTheSlicesOfOneWindow() {
		this.window.record(0, true, false);
		assertThat(this.window.failures(9 * SLICE + SLICE - 1)).isEqualTo(1);
		assertThat(this.window.failures(10 * SLICE)).isZero();
	}

	@Test
	void aSlotReusedByALaterSliceStartsFromZero() {
		this.window.record(0, true, true);
		this.window.record(10 * SLICE, false, false);
		assertThat(this.window.calls(10 * SLICE)).isEqualTo(1);
		assertThat(this.window.failures(10 * SLICE)).isZero();
		assertThat(this.window.slowCalls(10 * SLICE)).isZero();
	}

	@Test
	void aLateRecordFromTheSliceBeforeIsNotLost() {
		this.window.record(10 * SLICE, false, false);
		this.window.record(0, false, false);
		assertThat(this.window.calls(10 * SLICE)).isEqualTo(2);
	}

	@Test
	void negativeTickerReadingsWork() {
		this.window.record(-5 * SLICE, true, false);
		this.window.record(-1, true, false);
		assertThat(this.window.failures(0)).isEqualTo(2);
		assertThat(this.window.failures(5 * SLICE)).isEqualTo(1);
	}

}
