package io.flagstaff.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Formats durations the way the configuration writes them ({@code 1m}, {@code 300ms}).
 */
final class Durations {

	private Durations() {
	}

	static String format(@Nullable Duration duration) {
		if (duration == null) {
			return "n/a";
		}
		long nanos = duration.toNanos();
		if (nanos % 86_400_000_000_000L == 0 && nanos != 0) {
			return duration.toDays() + "d";
		}
		if (nanos % 3_600_000_000_000L == 0 && nanos != 0) {
			return duration.toHours() + "h";
		}
		if (nanos % 60_000_000_000L == 0 && nanos != 0) {
			return duration.toMinutes() + "m";
		}
		if (nanos % 1_000_000_000L == 0) {
			return duration.toSeconds() + "s";
		}
		if (nanos % 1_000_000L == 0) {
			return duration.toMillis() + "ms";
		}
		return nanos + "ns";
	}

}
