package io.flagstaff.junit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;

import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;

/**
 * One lock per {@code Flagstaff} instance (by identity), taken by every test for the time
 * it runs: shared by tests whose forced states live in their own override scope (and by
 * tests that force nothing), exclusive for tests whose states are global to the instance.
 * So a global test never runs beside another test of the same {@code Flagstaff}, scoped
 * and plain tests run side by side, and tests of different instances never wait for each
 * other.
 *
 * <p>
 * The one table of a JVM, shared by the JUnit extension and the Spring
 * {@link PlainTestLocks listener} (which cannot reach JUnit's stores); an entry lives
 * only while some test holds or waits for it. Waiting cooperates with JUnit's fork-join
 * executor ({@link ForkJoinPool#managedBlock}); the lock is fair, so a waiting exclusive
 * test is not starved by shared ones. A thread that holds a lease gets further shared
 * leases of the same instance at once; a thread asking for the exclusive lease gives up
 * its {@link #acquireYielding yielding} shared leases first (the listener's, when the
 * extension runs the same test). Otherwise not reentrant, so a second test can never slip
 * in on the same worker thread. Thread-safe.
 */
final class EvaluatorLocks {

	/** The lock table of this JVM. */
	static final EvaluatorLocks TABLE = new EvaluatorLocks();

	private static final int PERMITS = 1 << 16;

	private final Map<Flagstaff, Entry> entries = new IdentityHashMap<>();

	private EvaluatorLocks() {
	}

	/**
	 * Waits until the lease can be had, then takes it.
	 * @param flagstaff the evaluator
	 * @param exclusive whether no other test may hold a lease meanwhile
	 * @return the lease, released when closed (once)
	 * @throws InterruptedException when interrupted while waiting
	 */
	Lease acquire(Flagstaff flagstaff, boolean exclusive) throws InterruptedException {
		return acquire(flagstaff, exclusive, false);
	}

	/**
	 * Takes a shared lease that the same thread gives up when it asks for the exclusive
	 * one.
	 * @param flagstaff the evaluator
	 * @return the lease
	 * @throws InterruptedException when interrupted while waiting
	 */
	Lease acquireYielding(Flagstaff flagstaff) throws InterruptedException {
		return acquire(flagstaff, false, true);
	}

	private Lease acquire(Flagstaff flagstaff, boolean exclusive, boolean yielding) throws InterruptedException {
		Thread thread = Thread.currentThread();
		Entry entry;
		List<Lease> yielded = new ArrayList<>();
		synchronized (this.entries) {
			entry = this.entries.computeIfAbsent(flagstaff, (key) -> new Entry());
			List<Lease> mine = entry.heldBy(thread);
			if (!exclusive && !mine.isEmpty()) {
				Lease free = new Lease(this, flagstaff, entry, thread, 0, yielding);
				entry.add(free);
				return free;
			}
			if (exclusive) {
				mine.stream().filter((lease) -> lease.yielding).forEach(yielded::add);
			}
			entry.users++;
		}
		yielded.forEach(Lease::close);
		int permits = exclusive ? PERMITS : 1;
		try {
			ForkJoinPool.managedBlock(new Acquisition(entry.semaphore, permits));
		}
		catch (InterruptedException ex) {
			forget(flagstaff, entry, null);
			throw ex;
		}
		Lease lease = new Lease(this, flagstaff, entry, thread, permits, yielding);
		synchronized (this.entries) {
			entry.add(lease);
		}
		return lease;
	}

	/**
	 * Returns whether the calling thread holds a lease of a {@code Flagstaff}.
	 * @param flagstaff the evaluator
	 * @return whether it does
	 */
	boolean heldByCurrentThread(Flagstaff flagstaff) {
		synchronized (this.entries) {
			Entry entry = this.entries.get(flagstaff);
			return entry != null && !entry.heldBy(Thread.currentThread()).isEmpty();
		}
	}

	private void forget(Flagstaff flagstaff, Entry entry, @Nullable Lease lease) {
		synchronized (this.entries) {
			if (lease != null) {
				entry.leases.remove(lease);
			}
			if (lease == null || lease.permits > 0) {
				entry.users--;
			}
			if (entry.users == 0 && entry.leases.isEmpty()) {
				this.entries.remove(flagstaff);
			}
		}
	}

	private static final class Entry {

		private final Semaphore semaphore = new Semaphore(PERMITS, true);

		private final List<Lease> leases = new ArrayList<>();

		private int users;

		List<Lease> heldBy(Thread thread) {
			return this.leases.stream().filter((lease) -> lease.thread == thread).toList();
		}

		void add(Lease lease) {
			this.leases.add(lease);
		}

	}

	private static final class Acquisition implements ForkJoinPool.ManagedBlocker {

		private final Semaphore semaphore;

		private final int permits;

		private boolean acquired;

		Acquisition(Semaphore semaphore, int permits) {
			this.semaphore = semaphore;
			this.permits = permits;
		}

		@Override
		public boolean block() throws InterruptedException {
			if (!this.acquired) {
				this.semaphore.acquire(this.permits);
				this.acquired = true;
			}
			return true;
		}

		@Override
		public boolean isReleasable() {
			if (!this.acquired) {
				this.acquired = this.semaphore.tryAcquire(this.permits);
			}
			return this.acquired;
		}

	}

	/**
	 * A held lease. Closing it releases it; closing it again does nothing.
	 */
	static final class Lease implements AutoCloseable {

		private final EvaluatorLocks locks;

		private final Flagstaff flagstaff;

		private final Entry entry;

		private final Thread thread;

		private final int permits;

		private final boolean yielding;

		private boolean released;

		private Lease(EvaluatorLocks locks, Flagstaff flagstaff, Entry entry, Thread thread, int permits,
				boolean yielding) {
			this.locks = locks;
			this.flagstaff = flagstaff;
			this.entry = entry;
			this.thread = thread;
			this.permits = permits;
			this.yielding = yielding;
		}

		/**
		 * Returns whether this lease excludes every other test.
		 * @return whether it is exclusive
		 */
		boolean exclusive() {
			return this.permits == PERMITS;
		}

		@Override
		public void close() {
			synchronized (this) {
				if (this.released) {
					return;
				}
				this.released = true;
			}
			if (this.permits > 0) {
				this.entry.semaphore.release(this.permits);
			}
			this.locks.forget(this.flagstaff, this.entry, this);
		}

	}

}
