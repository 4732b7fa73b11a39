package io.flagstaff.store;

import java.time.Instant;
import java.util.Objects;

import io.flagstaff.model.FeatureDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One audited write: who changed which flag when, and from what to what.
 *
 * @param key the flag key (or segment name for segment actions)
 * @param action what the write did
 * @param actor who made the change
 * @param time when, from the store's clock
 * @param oldDefinition the flag before, or {@code null} when it did not exist (or for
 * segments)
 * @param newDefinition the flag after, or {@code null} when it was deleted (or for
 * segments)
 * @param reason why, when known (a kill's reason, for example)
 */
public record AuditEntry(String key, AuditAction action, String actor, Instant time,
		@Nullable FeatureDefinition oldDefinition, @Nullable FeatureDefinition newDefinition, @Nullable String reason) {

	public AuditEntry {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(time, "time");
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException(
					"actor of a write to '" + key + "' must not be blank: name who makes the change");
		}
	}

}
