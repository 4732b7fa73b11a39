package io.flagstaff.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes durations: {@code 300ms}, {@code 30s}, {@code 1m}, {@code 2h},
 * {@code 1d}, or ISO-8601 ({@code PT1M30S}).
 */
final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private Durations() {
	}

	static @Nullable Duration parse(String text) {
		Matcher matcher = SIMPLE.matcher(text.trim());
		if (matcher.matches()) {
			long amount;
			try {
				amount = Long.parseLong(matcher.group(1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String format(Duration duration) {
		if (duration.getNano() % 1_000_000 != 0) {
			return duration.toString();
		}
		long millis = duration.toMillis();
		if (millis % 86_400_000 == 0) {
			return (millis / 86_400_000) + "d";
		}
		if (millis % 3_600_000 == 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return millis + "ms";
	}

}
