package io.flagstaff.hygiene;

import java.util.Objects;

/**
 * One thing the {@link HygieneReport} found wrong with a flag.
 *
 * @param feature the flag key
 * @param kind what is wrong
 * @param message what was found and what to do, for people
 */
public record HygieneFinding(String feature, Kind kind, String message) {

	public HygieneFinding {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
	}

	/**
	 * Returns whether this finding fails a CI check by default.
	 * @return {@code true} for {@link Kind#EXPIRED}
	 */
	public boolean isError() {
		return this.kind == Kind.EXPIRED;
	}

	/**
	 * What is wrong with a flag.
	 */
	public enum Kind {

		/** The flag is past its {@code expires} date. */
		EXPIRED,
		/** The flag was not evaluated for the configured number of days. */
		NOT_EVALUATED,
		/**
		 * The flag serves everyone the same (on or off) and was not changed for the
		 * configured number of days.
		 */
		CONSTANT,
		/** The flag names no {@code owner}. */
		NO_OWNER,
		/** A prerequisite names a flag that does not exist. */
		MISSING_PREREQUISITE,
		/**
		 * The application's code names the flag (an annotation, a strategy) but no flag
		 * has that key: every check of it answers off.
		 */
		NOT_DEFINED,
		/**
		 * No code the application declares names the flag, no other flag requires it, and
		 * it was not evaluated since tracking began.
		 */
		UNREFERENCED

	}

}
