package io.flagstaff.feedback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps feedback in memory, for tests and single-instance applications; it is lost on
 * restart. Memory stays bounded: each feature keeps its newest {@code maxPerFeature}
 * entries, the oldest is dropped when a new one would exceed them, and the drops are
 * counted ({@link #dropped()}). The number of features is whatever the callers pass, so
 * accept feedback only on keys that are flags (as the sample shop does). Thread-safe.
 */
public final class InMemoryFeedbackStore implements FeedbackStore {

	/** How many entries a feature keeps unless told otherwise. */
	public static final int DEFAULT_MAX_PER_FEATURE = 1_000;

	private final int maxPerFeature;

	private final ConcurrentMap<String, Deque<Feedback>> feedback = new ConcurrentHashMap<>();

	private final AtomicLong dropped = new AtomicLong();

	/**
	 * Creates a store keeping {@value #DEFAULT_MAX_PER_FEATURE} entries per feature.
	 */
	public InMemoryFeedbackStore() {
		this(DEFAULT_MAX_PER_FEATURE);
	}

	/**
	 * Creates a store.
	 * @param maxPerFeature how many entries each feature keeps, the newest
	 * @throws IllegalArgumentException when less than 1
	 */
	public InMemoryFeedbackStore(int maxPerFeature) {
		if (maxPerFeature < 1) {
			throw new IllegalArgumentException(
					"maxPerFeature of the in-memory feedback store must be at least 1, but was " + maxPerFeature);
		}
		this.maxPerFeature = maxPerFeature;
	}

	@Override
	public void save(Feedback feedback) {
		Deque<Feedback> entries = this.feedback.computeIfAbsent(feedback.feature(), (feature) -> new ArrayDeque<>());
		synchronized (entries) {
			entries.addLast(feedback);
			if (entries.size() > this.maxPerFeature) {
				entries.removeFirst();
				this.dropped.incrementAndGet();
			}
		}
	}

	@Override
	public List<Feedback> find(String feature, int limit) {
		Deque<Feedback> entries = this.feedback.get(feature);
		if (entries == null) {
			return List.of();
		}
		synchronized (entries) {
			return entries.stream().limit(limit).toList();
		}
	}

	/**
	 * Returns how many entries were dropped to keep each feature within its bound.
	 * @return the count since the store was created
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * Returns how many entries each feature keeps.
	 * @return the bound
	 */
	public int maxPerFeature() {
		return this.maxPerFeature;
	}

}
