package io.flagstaff.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * A pair of counters (on and off, or a variant's count and nothing) incremented on every
 * evaluation without an atomic instruction: each thread claims a cell of its own (indexed
 * by its thread id) and increments it with plain (opaque) writes, which no other thread
 * ever writes. A cell holds the total and the first count (the other is their
 * difference), so counting either is the same two writes, without a branch on which. A
 * thread whose cell is taken by another falls back to a shared {@link LongAdder}, so
 * every increment is counted. {@link #sum()} adds the cells and the fallback: exact once
 * the counting threads are done, and while they run, exact at some instant for each cell.
 * Thread-safe.
 * <p>
 * Cells are allocated by the thread that claims them (so in its own allocation buffer)
 * and padded, so two threads never write the same cache line. The array of cells is
 * allocated with the counter, so the hot path follows no extra reference and checks no
 * null; a cell is allocated when a thread first counts.
 */
class StripedCounter {

	/**
	 * Cells per counter: enough for the threads of a busy machine to get one each (thread
	 * ids are consecutive, so the first threads land on distinct cells).
	 */
	static final int CELLS = cellCount(Runtime.getRuntime().availableProcessors());

	private static final VarHandle CELL_ARRAY = MethodHandles.arrayElementVarHandle(Cell[].class);

	private static final VarHandle FALLBACK_FIELD;

	private static final VarHandle OTHER_FALLBACK_FIELD;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			FALLBACK_FIELD = lookup.findVarHandle(StripedCounter.class, "fallback", LongAdder.class);
			OTHER_FALLBACK_FIELD = lookup.findVarHandle(StripedCounter.class, "otherFallback", LongAdder.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final int MASK = CELLS - 1;

	private final @Nullable Cell[] cells = new Cell[CELLS];

	private volatile @Nullable LongAdder fallback;

	private volatile @Nullable LongAdder otherFallback;

	static int cellCount(int processors) {
		int wanted = Math.max(16, Math.min(256, processors * 4));
		return Integer.highestOneBit(wanted - 1) << 1;
	}

	/**
	 * Adds one to the first count.
	 */
	final void increment() {
		increment(true);
	}

	/**
	 * Adds one to one of the two counts.
	 * @param first whether to count in the first count, else in the other
	 */
	final void increment(boolean first) {
		long thread = Thread.currentThread().getId();
		Cell cell = this.cells[(int) thread & MASK];
		if (cell != null && cell.owner == thread) {
			cell.increment(first);
			return;
		}
		claimOrFallBack(thread, first);
	}

	private void claimOrFallBack(long thread, boolean first) {
		Cell[] all = this.cells;
		int index = (int) thread & MASK;
		Cell cell = (Cell) CELL_ARRAY.getVolatile(all, index);
		if (cell == null) {
			Cell claimed = new Cell(thread);
			if (CELL_ARRAY.compareAndSet(all, index, null, claimed)) {
				claimed.increment(first);
				return;
			}
			cell = (Cell) CELL_ARRAY.getVolatile(all, index);
		}
		if (cell.owner == thread) {
			cell.increment(first);
			return;
		}
		VarHandle field = first ? FALLBACK_FIELD : OTHER_FALLBACK_FIELD;
		LongAdder adder = (LongAdder) field.getVolatile(this);
		if (adder == null) {
			LongAdder created = new LongAdder();
			adder = field.compareAndSet(this, null, created) ? created : (LongAdder) field.getVolatile(this);
		}
		adder.increment();
	}

	/**
	 * Returns the first count.
	 * @return the sum of every thread's increments
	 */
	long sum() {
		return sum(true);
	}

	/**
	 * Returns one of the two counts.
	 * @param first whether to read the first count, else the other
	 * @return the sum of every thread's increments
	 */
	long sum(boolean first) {
		long sum = 0;
		Cell[] all = this.cells;
		for (int i = 0; i < all.length; i++) {
			Cell cell = (Cell) CELL_ARRAY.getVolatile(all, i);
			if (cell != null) {
				sum += cell.get(first);
			}
		}
		LongAdder adder = first ? this.fallback : this.otherFallback;
		return (adder != null) ? sum + adder.sum() : sum;
	}

	/**
	 * Returns both counts together.
	 * @return the sum of every thread's increments of either count
	 */
	long total() {
		long sum = 0;
		Cell[] all = this.cells;
		for (int i = 0; i < all.length; i++) {
			Cell cell = (Cell) CELL_ARRAY.getVolatile(all, i);
			if (cell != null) {
				sum += cell.total();
			}
		}
		LongAdder adder = this.fallback;
		LongAdder other = this.otherFallback;
		return sum + ((adder != null) ? adder.sum() : 0) + ((other != null) ? other.sum() : 0);
	}

	/** Padding before the value, so the cell does not share a cache line before it. */
	abstract static class LeftPadding {

		long p01, p02, p03, p04, p05, p06, p07;

	}

	/**
	 * The owner, the total and the first count. The owner writes the total before the
	 * first count (release) and readers read the first count before the total (acquire),
	 * so the other count, their difference, is never negative.
	 */
	abstract static class Value extends LeftPadding {

		static final VarHandle TOTAL;

		static final VarHandle FIRSTS;

		static {
			try {
				MethodHandles.Lookup lookup = MethodHandles.lookup();
				TOTAL = lookup.findVarHandle(Value.class, "total", long.class);
				FIRSTS = lookup.findVarHandle(Value.class, "firsts", long.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		final long owner;

		long total;

		long firsts;

		Value(long owner) {
			this.owner = owner;
		}

		/**
		 * Adds one; called by the owner thread only, so a read and a write without a lock
		 * prefix suffice (opaque: never torn, seen by readers soon).
		 */
		final void increment(boolean first) {
			TOTAL.setOpaque(this, (long) TOTAL.getOpaque(this) + 1);
			FIRSTS.setRelease(this, (long) FIRSTS.getOpaque(this) + (first ? 1 : 0));
		}

		final long total() {
			return (long) TOTAL.getOpaque(this);
		}

		final long get(boolean first) {
			long firsts = (long) FIRSTS.getAcquire(this);
			return first ? firsts : (long) TOTAL.getOpaque(this) - firsts;
		}

	}

	/** One thread's cell, padded after the value too. */
	static final class Cell extends Value {

		long p11, p12, p13, p14, p15, p16, p17;

		Cell(long owner) {
			super(owner);
		}

	}

}
