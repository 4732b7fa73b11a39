package io.flagstaff.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses the date-times accepted by {@code before} and {@code after}: an ISO-8601 offset
 * date-time ({@code 2026-12-01T08:00:00Z}, {@code 2026-12-01T10:00:00+02:00}) or a date
 * ({@code 2026-12-01}, midnight UTC).
 */
final class DateTimes {

	private DateTimes() {
	}

	static @Nullable Instant parse(String text) {
		String trimmed = text.trim();
		try {
			return OffsetDateTime.parse(trimmed).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try a date next
		}
		try {
			return LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
