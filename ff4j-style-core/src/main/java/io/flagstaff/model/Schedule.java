package io.flagstaff.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The time window in which a flag can be on: from (inclusive) until (exclusive). Either
 * end may be open.
 *
 * @param from the start, or {@code null} for no start
 * @param until the end, or {@code null} for no end
 */
public record Schedule(@Nullable Instant from, @Nullable Instant until) {

	public Schedule {
		if (from != null && until != null && !from.isBefore(until)) {
			throw new IllegalArgumentException("schedule 'from' (" + from + ") must be before 'until' (" + until + ")");
		}
	}

	/**
	 * Returns whether an instant is inside the window.
	 * @param now the instant
	 * @return {@code true} when {@code from <= now < until}
	 */
	public boolean contains(Instant now) {
		return (this.from == null || !now.isBefore(this.from)) && (this.until == null || now.isBefore(this.until));
	}

}
