package io.flagstaff;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a tracked flag ({@code track: true}): who saw what, and why.
 *
 * @param key the flag key
 * @param enabled whether the flag was on
 * @param variant the served variant, or {@code null}
 * @param reason why
 * @param userId the context's user id, or {@code null}
 * @param bucketingKey the value of the flag's bucketing attribute, or {@code null} when
 * absent
 * @param time when, from the evaluator's coarse clock (about 100 ms resolution)
 * @param snapshotVersion the version of the snapshot evaluated against
 */
public record Exposure(String key, boolean enabled, @Nullable String variant, Reason reason, @Nullable String userId,
		@Nullable String bucketingKey, Instant time, long snapshotVersion) {

	public Exposure {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(time, "time");
	}

}
