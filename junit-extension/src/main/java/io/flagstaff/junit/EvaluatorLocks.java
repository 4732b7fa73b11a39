package io.flagstaff.junit;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One exclusive lock per {@code Flagstaff} instance (by identity), so that tests
 * overriding the same evaluator run one at a time while tests on different evaluators run
 * in parallel. Lives in the root {@link ExtensionContext.Store} of a test run, never in a
 * static field. Waiting cooperates with JUnit's fork-join executor
 * ({@link ForkJoinPool#managedBlock}), and the lock is not reentrant, so a second test
 * can never slip in on the same worker thread. Thread-safe.
 */
final class EvaluatorLocks {

	private final Map<Flagstaff, Entry> entries = new IdentityHashMap<>();

	static EvaluatorLocks of(ExtensionContext context) {
		return context.getRoot()
			.getStore(FlagstaffExtension.NAMESPACE)
			.computeIfAbsent(EvaluatorLocks.class, (key) -> new EvaluatorLocks(), EvaluatorLocks.class);
	}

	/**
	 * Waits until no other test holds the lock of a {@code Flagstaff}, then takes it.
	 * @param flagstaff the evaluator
	 * @return the lease that releases the lock when closed (once)
	 * @throws InterruptedException when interrupted while waiting
	 */
	Lease acquire(Flagstaff flagstaff) throws InterruptedException {
		Entry entry;
		synchronized (this.entries) {
			entry = this.entries.computeIfAbsent(flagstaff, (key) -> new Entry());
			entry.users++;
		}
		try {
			ForkJoinPool.managedBlock(new Acquisition(entry.semaphore));
		}
		catch (InterruptedException ex) {
			forget(flagstaff, entry);
			throw ex;
		}
		return new Lease(this, flagstaff, entry);
	}

	private void forget(Flagstaff flagstaff, Entry entry) {
		synchronized (this.entries) {
			entry.users--;
			if (entry.users == 0) {
				this.entries.remove(flagstaff);
			}
		}
	}

	private static final class Entry {

		private final Semaphore semaphore = new Semaphore(1, true);

		private int users;

	}

	private static final class Acquisition implements ForkJoinPool.ManagedBlocker {

		private final Semaphore semaphore;

		private boolean acquired;

		Acquisition(Semaphore semaphore) {
			this.semaphore = semaphore;
		}

		@Override
		public boolean block() throws InterruptedException {
			if (!this.acquired) {
				this.semaphore.acquire();
				this.acquired = true;
			}
			return true;
		}

		@Override
		public boolean isReleasable() {
			if (!this.acquired) {
				this.acquired = this.semaphore.tryAcquire();
			}
			return this.acquired;
		}

	}

	/**
	 * A held lock. Closing it releases the lock; closing it again does nothing.
	 */
	static final class Lease implements AutoCloseable {

		private final EvaluatorLocks locks;

		private final Flagstaff flagstaff;

		private final Entry entry;

		private boolean released;

		private Lease(EvaluatorLocks locks, Flagstaff flagstaff, Entry entry) {
			this.locks = locks;
			this.flagstaff = flagstaff;
			this.entry = entry;
		}

		@Override
		public synchronized void close() {
			if (!this.released) {
				this.released = true;
				this.entry.semaphore.release();
				this.locks.forget(this.flagstaff, this.entry);
			}
		}

	}

}
