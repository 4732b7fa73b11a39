package io.flagstaff.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes durations as the configuration does: {@code 300ms}, {@code 30s},
 * {@code 1m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT1M30S}). What
 * {@link #format(Duration)} writes, {@link #parse(String)} reads back to the same
 * duration. Stateless and thread-safe.
 */
public final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private static final long[] UNIT_SECONDS = { 86_400, 3_600, 60 };

	private static final String[] UNITS = { "d", "h", "m" };

	private Durations() {
	}

	/**
	 * Reads a duration.
	 * @param text a number with one of the units {@code ms}, {@code s}, {@code m},
	 * {@code h}, {@code d}, or an ISO-8601 duration (any case), blanks around it ignored
	 * @return the duration, or {@code null} when the text is neither or too long for a
	 * {@link Duration}
	 */
	public static @Nullable Duration parse(String text) {
		String trimmed = text.trim();
		Matcher matcher = SIMPLE.matcher(trimmed);
		try {
			if (!matcher.matches()) {
				return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
			}
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		catch (DateTimeParseException | NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/**
	 * Writes a duration in the largest whole unit: {@code 0s}, {@code 300ms},
	 * {@code 90s}, {@code 1m}, {@code 2h}, {@code 1d}; ISO-8601 for a negative duration
	 * or one with a fraction of a millisecond ({@code PT0.0000005S}).
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		long seconds = duration.getSeconds();
		int nanos = duration.getNano();
		if (duration.isNegative() || nanos % 1_000_000 != 0) {
			return duration.toString();
		}
		if (nanos != 0) {
			return (seconds < Long.MAX_VALUE / 1000) ? (seconds * 1000 + nanos / 1_000_000) + "ms"
					: duration.toString();
		}
		for (int i = 0; i < UNITS.length; i++) {
			if (seconds != 0 && seconds % UNIT_SECONDS[i] == 0) {
				return (seconds / UNIT_SECONDS[i]) + UNITS[i];
			}
		}
		return seconds + "s";
	}

}
