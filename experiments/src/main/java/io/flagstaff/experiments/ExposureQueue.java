package io.flagstaff.experiments;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.Exposure;
import io.flagstaff.ExposureListener;

/**
 * Hands exposures from evaluating threads to listeners on a thread of its own. Register
 * it as the {@link ExposureListener} of a {@code Flagstaff}; register the consumers (an
 * {@link ExperimentTracker}, an analytics exporter) with {@link #addListener}.
 * <p>
 * The queue is bounded: {@link #onExposure} never waits for space. When the queue is full
 * the exposure is dropped and counted ({@link #dropped()}). Listeners run one after the
 * other on the queue's daemon thread, in the order exposures arrived; one that throws
 * (anything short of a virtual machine error) is logged and the others still run.
 * Thread-safe.
 */
public final class ExposureQueue implements ExposureListener, AutoCloseable {

	/** The capacity used when none is given. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private static final System.Logger logger = System.getLogger(ExposureQueue.class.getName());

	private final BlockingQueue<Exposure> queue;

	private final List<ExposureListener> listeners = new CopyOnWriteArrayList<>();

	private final LongAdder dropped = new LongAdder();

	private final LongAdder delivered = new LongAdder();

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * Creates a queue of {@link #DEFAULT_CAPACITY} and starts its thread.
	 */
	public ExposureQueue() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Creates a queue and starts its thread.
	 * @param capacity how many exposures may wait for delivery
	 * @throws IllegalArgumentException when the capacity is not positive
	 */
	public ExposureQueue(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException(
					"capacity of the exposure queue must be at least 1, but was " + capacity);
		}
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.thread = new Thread(this::drain, "flagstaff-exposures");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Adds a listener that receives every delivered exposure on the queue's thread.
	 * @param listener the listener; it may block (only delivery waits, never the
	 * evaluating threads)
	 * @return a handle that removes it
	 */
	public AutoCloseable addListener(ExposureListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Queues an exposure for delivery, or drops and counts it when the queue is full or
	 * closed. Never blocks.
	 * @param exposure the exposure
	 */
	@Override
	public void onExposure(Exposure exposure) {
		if (!this.running || !this.queue.offer(exposure)) {
			this.dropped.increment();
		}
	}

	/**
	 * Returns how many exposures were dropped because the queue was full or closed.
	 * @return the count since creation
	 */
	public long dropped() {
		return this.dropped.sum();
	}

	/**
	 * Returns how many exposures were handed to the listeners.
	 * @return the count since creation
	 */
	public long delivered() {
		return this.delivered.sum();
	}

	/**
	 * Returns how many exposures wait for delivery.
	 * @return the count at this moment
	 */
	public int pending() {
		return this.queue.size();
	}

	/**
	 * Stops accepting exposures, delivers those already queued (waiting at most
	 * {@code timeout}) and stops the thread.
	 * @param timeout how long to wait for the queued exposures to be delivered
	 * @return whether everything queued was delivered in time
	 */
	public boolean close(Duration timeout) {
		this.running = false;
		try {
			this.thread.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			this.thread.interrupt();
			return false;
		}
		return true;
	}

	/**
	 * Closes the queue, waiting up to five seconds for queued exposures to be delivered.
	 */
	@Override
	public void close() {
		close(Duration.ofSeconds(5));
	}

	private void drain() {
		List<Exposure> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Exposure first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 255);
				for (Exposure exposure : batch) {
					deliver(exposure);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Hands an exposure to every listener; a listener's failure of any kind is logged and
	 * the others, and the next exposures, are still delivered (only a virtual machine
	 * error other than a stack overflow ends the thread).
	 */
	private void deliver(Exposure exposure) {
		for (ExposureListener listener : this.listeners) {
			try {
				listener.onExposure(exposure);
			}
			catch (Throwable ex) {
				if (ex instanceof VirtualMachineError error && !(ex instanceof StackOverflowError)) {
					throw error;
				}
				logger.log(Level.WARNING, "Exposure listener " + listener + " failed on " + exposure.key(), ex);
			}
		}
		this.delivered.increment();
	}

}
