package io.flagstaff.feedback;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps feedback in memory, for tests and single-instance applications; it is lost on
 * restart. Thread-safe.
 */
public final class InMemoryFeedbackStore implements FeedbackStore {

	private final ConcurrentMap<String, Queue<Feedback>> feedback = new ConcurrentHashMap<>();

	@Override
	public void save(Feedback feedback) {
		this.feedback.computeIfAbsent(feedback.feature(), (feature) -> new ConcurrentLinkedQueue<>()).add(feedback);
	}

	@Override
	public List<Feedback> find(String feature, int limit) {
		Queue<Feedback> entries = this.feedback.get(feature);
		return (entries != null) ? entries.stream().limit(limit).toList() : List.of();
	}

}
