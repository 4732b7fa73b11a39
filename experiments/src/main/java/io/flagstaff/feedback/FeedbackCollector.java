package io.flagstaff.feedback;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * Collects users' ratings and comments on features into a {@link FeedbackStore}, so a
 * team can decide whether a feature stays. Ratings must fall in the collector's range (1
 * to 5 unless configured). Thread-safe.
 */
public final class FeedbackCollector {

	/** The longest comment accepted. */
	public static final int MAX_COMMENT_LENGTH = 2000;

	private final FeedbackStore store;

	private final int minRating;

	private final int maxRating;

	private final Clock clock;

	/**
	 * Creates a collector accepting ratings from 1 to 5.
	 * @param store where feedback is kept
	 */
	public FeedbackCollector(FeedbackStore store) {
		this(store, 1, 5, Clock.systemUTC());
	}

	/**
	 * Creates a collector.
	 * @param store where feedback is kept
	 * @param minRating the lowest rating accepted
	 * @param maxRating the highest rating accepted
	 * @param clock stamps the feedback
	 * @throws IllegalArgumentException when {@code minRating > maxRating}
	 */
	public FeedbackCollector(FeedbackStore store, int minRating, int maxRating, Clock clock) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (minRating > maxRating) {
			throw new IllegalArgumentException(
					"minRating must not be greater than maxRating, but was " + minRating + " > " + maxRating);
		}
		this.minRating = minRating;
		this.maxRating = maxRating;
	}

	/**
	 * Records a user's feedback on a feature.
	 * @param feature the flag key
	 * @param context who gives it (user id and session id are kept)
	 * @param rating the rating
	 * @param comment free text, or {@code null}
	 * @return what was stored
	 * @throws IllegalArgumentException when the rating is out of range or the comment is
	 * too long
	 */
	public Feedback recordFeedback(String feature, FeatureContext context, int rating, @Nullable String comment) {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(context, "context");
		if (rating < this.minRating || rating > this.maxRating) {
			throw new IllegalArgumentException("rating of feedback on '" + feature + "' must be between "
					+ this.minRating + " and " + this.maxRating + ", but was " + rating);
		}
		if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
			throw new IllegalArgumentException("comment of feedback on '" + feature + "' must be at most "
					+ MAX_COMMENT_LENGTH + " characters, but had " + comment.length() + ": shorten it");
		}
		Feedback feedback = new Feedback(feature, context.userId(), context.sessionId(), rating,
				(comment != null && !comment.isBlank()) ? comment : null, this.clock.instant());
		this.store.save(feedback);
		return feedback;
	}

	/**
	 * Reads the feedback on a feature, oldest first.
	 * @param feature the flag key
	 * @param limit the maximum number of entries
	 * @return the feedback, possibly empty
	 */
	public List<Feedback> feedback(String feature, int limit) {
		return this.store.find(feature, limit);
	}

	/**
	 * Returns the mean rating of a feature's feedback.
	 * @param feature the flag key
	 * @param limit the maximum number of entries considered (the oldest first)
	 * @return the mean, or {@code NaN} when there is no feedback
	 */
	public double averageRating(String feature, int limit) {
		return this.store.find(feature, limit).stream().mapToInt(Feedback::rating).average().orElse(Double.NaN);
	}

}
