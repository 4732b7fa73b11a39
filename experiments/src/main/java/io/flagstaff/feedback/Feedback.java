package io.flagstaff.feedback;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One user's feedback on a feature.
 *
 * @param feature the flag key
 * @param userId who gave it, or {@code null} when anonymous
 * @param sessionId the session it was given in, or {@code null}
 * @param rating the rating, within the collector's range
 * @param comment free text, or {@code null}
 * @param time when it was given
 */
public record Feedback(String feature, @Nullable String userId, @Nullable String sessionId, int rating,
		@Nullable String comment, Instant time) {

	public Feedback {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(time, "time");
		if (feature.isBlank()) {
			throw new IllegalArgumentException("feature of a feedback must not be blank: name the flag it is about");
		}
	}

}
