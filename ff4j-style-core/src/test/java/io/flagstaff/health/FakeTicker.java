package io.flagstaff.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticker tests move by hand.
 */
final class FakeTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	@Override
	public long read() {
		return this.nanos.get();
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
