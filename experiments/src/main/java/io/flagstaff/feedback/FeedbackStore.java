package io.flagstaff.feedback;

import java.util.List;

/**
 * Where feedback is kept. Implementations are thread-safe: {@link InMemoryFeedbackStore}
 * and {@link io.flagstaff.feedback.jdbc.JdbcFeedbackStore}.
 */
public interface FeedbackStore {

	/**
	 * Keeps one feedback.
	 * @param feedback the feedback
	 * @throws io.flagstaff.store.FeatureStoreException when it cannot be written
	 */
	void save(Feedback feedback);

	/**
	 * Reads the feedback on one feature, oldest first.
	 * @param feature the flag key
	 * @param limit the maximum number of entries
	 * @return the feedback, possibly empty
	 * @throws io.flagstaff.store.FeatureStoreException when it cannot be read
	 */
	List<Feedback> find(String feature, int limit);

}
