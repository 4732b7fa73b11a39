package io.flagstaff.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free rolling time window of call, failure and slow-call counts. The window is
 * split into {@link #SLICES} slices of equal width; a call is counted in the slice of the
 * time it was recorded, and the window at time {@code t} covers the slice holding
 * {@code t} and the {@code SLICES - 1} slices before it. A call therefore stays counted
 * for at least {@code window - window / SLICES} and at most {@code window}.
 * <p>
 * Each slice counter is one {@code long}: the slice number in the high 32 bits and the
 * count in the low 32 bits, so moving a slot on to a new slice and counting in it is a
 * single compare-and-set. Recording allocates nothing.
 */
final class SlidingWindow {

	/** The number of slices a window is divided into. */
	static final int SLICES = 10;

	private static final long COUNT_MASK = 0xFFFF_FFFFL;

	private final long sliceNanos;

	private final AtomicLongArray calls = new AtomicLongArray(SLICES);

	private final AtomicLongArray failures = new AtomicLongArray(SLICES);

	private final AtomicLongArray slowCalls = new AtomicLongArray(SLICES);

	SlidingWindow(Duration window) {
		this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
	}

	/**
	 * Counts one call.
	 * @param now the ticker reading
	 * @param failed whether the call failed
	 * @param slow whether the call was slow
	 */
	void record(long now, boolean failed, boolean slow) {
		long slice = Math.floorDiv(now, this.sliceNanos);
		increment(this.calls, slice);
		if (failed) {
			increment(this.failures, slice);
		}
		if (slow) {
			increment(this.slowCalls, slice);
		}
	}

	long calls(long now) {
		return sum(this.calls, now);
	}

	long failures(long now) {
		return sum(this.failures, now);
	}

	long slowCalls(long now) {
		return sum(this.slowCalls, now);
	}

	private static void increment(AtomicLongArray counters, long slice) {
		int slot = (int) Math.floorMod(slice, (long) SLICES);
		int tag = (int) slice;
		while (true) {
			long current = counters.get(slot);
			int currentTag = (int) (current >>> 32);
			long next;
			int ahead = currentTag - tag;
			if (ahead == 0 || (ahead > 0 && ahead <= SLICES && (current & COUNT_MASK) != 0)) {
				// same slice, or the next slice already took the slot while this thread
				// was
				// descheduled: count it there rather than lose it
				next = current + 1;
			}
			else {
				next = ((long) tag << 32) | 1L;
			}
			if (counters.compareAndSet(slot, current, next)) {
				return;
			}
		}
	}

	private long sum(AtomicLongArray counters, long now) {
		long slice = Math.floorDiv(now, this.sliceNanos);
		int slot = (int) Math.floorMod(slice, (long) SLICES);
		long total = 0;
		for (int age = 0; age < SLICES; age++) {
			long value = counters.get(slot);
			if ((int) (value >>> 32) == (int) (slice - age)) {
				total += value & COUNT_MASK;
			}
			slot = (slot == 0) ? SLICES - 1 : slot - 1;
		}
		return total;
	}

}
