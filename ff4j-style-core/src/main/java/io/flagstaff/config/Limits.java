package io.flagstaff.config;

import java.time.Duration;
import java.time.Instant;

import io.flagstaff.model.FeatureValue;
import org.jspecify.annotations.Nullable;

/**
 * The budgets every reader and the compiler hold a document to, so that no input, however
 * large or hostile, makes reading or evaluating slow, exhaust memory or throw anything
 * but a {@link FeatureConfigException} naming the place and the fix. The reference table
 * is in {@code docs/configuration.md#limits}. Stateless and thread-safe.
 */
public final class Limits {

	/** The longest document read, in characters (8 MiB). */
	public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

	/** The longest string or mapping key in a document, in characters. */
	public static final int MAX_STRING_CHARS = 100_000;

	/** The deepest nesting of mappings and lists in a document. */
	public static final int MAX_NESTING_DEPTH = 64;

	/**
	 * The deepest nesting of mappings and lists in one value (a variant's value, a
	 * metadata entry), so that a value fits any document that holds it.
	 */
	public static final int MAX_VALUE_DEPTH = FeatureValue.MAX_DEPTH;

	/**
	 * The largest decimal exponent of a number, either way: {@code 1e1000} and
	 * {@code 1e-1000} are read, {@code 1e1001} is refused.
	 */
	public static final int MAX_NUMBER_EXPONENT = 1000;

	/** The most significant digits of a number. */
	public static final int MAX_NUMBER_DIGITS = 1000;

	/** The longest chain of segments referring to segments. */
	public static final int MAX_SEGMENT_DEPTH = 32;

	/** The longest chain of prerequisites (a flag requiring a flag requiring ...). */
	public static final int MAX_PREREQUISITE_DEPTH = 32;

	/** The longest duration (health windows and latency baselines): 365 days. */
	public static final Duration MAX_DURATION = Duration.ofDays(365);

	/** The earliest date-time accepted: the start of year 1 (UTC). */
	public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

	/** The latest date-time accepted: the end of year 9999 (UTC). */
	public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/** The longest regular expression, in characters. */
	public static final int MAX_REGEX_CHARS = 1_000;

	/**
	 * The largest size of a regular expression once its counted repetitions are expanded
	 * ({@code a{100}} counts 100, {@code (ab){10}} counts 20): the number of states its
	 * matcher may track at once.
	 */
	public static final int MAX_REGEX_SIZE = 1_000;

	/**
	 * The longest value a regular expression is matched against; a longer value does not
	 * match (the condition is false before {@code not} applies, as for a missing
	 * attribute).
	 */
	public static final int MAX_REGEX_INPUT_CHARS = 1_024;

	/** The most problems listed in one {@link FeatureConfigException}. */
	public static final int MAX_PROBLEMS = 100;

	private Limits() {
	}

	/**
	 * Checks a date-time against {@link #MIN_INSTANT} and {@link #MAX_INSTANT}.
	 * @param instant the date-time, or {@code null}
	 * @return what is wrong and how to fix it, or {@code null} when it is in range or
	 * absent
	 */
	public static @Nullable String instantProblem(@Nullable Instant instant) {
		if (instant != null && (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT))) {
			return "must be between the years 1 and 9999, was " + instant;
		}
		return null;
	}

	/**
	 * Checks a duration against {@link #MAX_DURATION}.
	 * @param duration the duration, or {@code null}
	 * @return what is wrong and how to fix it, or {@code null} when it is in range or
	 * absent
	 */
	public static @Nullable String durationProblem(@Nullable Duration duration) {
		if (duration != null && duration.compareTo(MAX_DURATION) > 0) {
			return "must be at most 365 days, was " + duration.toDays() + " days";
		}
		return null;
	}

	/**
	 * Checks a regular expression against {@link #MAX_REGEX_CHARS} and
	 * {@link #MAX_REGEX_SIZE} without compiling it (compiling an expression over budget
	 * is what takes long). The size is estimated from the text: each atom counts one,
	 * alternatives add up, and a counted repetition multiplies what it repeats by its
	 * largest count. Linear in the length of the expression.
	 * @param regex the expression
	 * @return what is wrong and how to fix it, or {@code null} when it is within budget
	 * (it may still be invalid: that is for the regex compiler to say)
	 */
	public static @Nullable String regexProblem(String regex) {
		if (regex.length() > MAX_REGEX_CHARS) {
			return "is " + regex.length() + " characters long; a regular expression may have at most " + MAX_REGEX_CHARS
					+ ": shorten it or split it into several conditions";
		}
		long size = new RegexSize(regex).size();
		if (size > MAX_REGEX_SIZE) {
			return "expands to " + ((size >= RegexSize.CAP) ? "more than " + RegexSize.CAP : size)
					+ " states through its counted repetitions, more than the " + MAX_REGEX_SIZE
					+ " allowed: use smaller counts (a{100}{100} is a{10000}), or + and * instead";
		}
		return null;
	}

	/**
	 * Estimates the expanded size of a regular expression in one pass: a stack of groups,
	 * each with the size of its finished alternatives, of its current alternative and of
	 * its last atom (the one a quantifier applies to).
	 */
	private static final class RegexSize {

		static final long CAP = 1_000_000_000L;

		private final String text;

		private int at;

		private final long[] done = new long[MAX_REGEX_CHARS + 2];

		private final long[] current = new long[MAX_REGEX_CHARS + 2];

		private final long[] last = new long[MAX_REGEX_CHARS + 2];

		private int depth;

		RegexSize(String text) {
			this.text = text;
		}

		long size() {
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				switch (c) {
					case '\\' -> atom(escape());
					case '[' -> atom(characterClass());
					case '(' -> open();
					case ')' -> close();
					case '|' -> {
						this.done[this.depth] += this.current[this.depth];
						this.current[this.depth] = 0;
						this.last[this.depth] = 0;
					}
					case '*', '+', '?' -> add(1);
					case '{' -> repeat();
					default -> atom(1);
				}
			}
			while (this.depth > 0) {
				close();
			}
			return Math.min(CAP, this.done[0] + this.current[0]);
		}

		private void atom(long size) {
			this.current[this.depth] = Math.min(CAP, this.current[this.depth] + size);
			this.last[this.depth] = size;
		}

		private void add(long size) {
			this.current[this.depth] = Math.min(CAP, this.current[this.depth] + size);
		}

		private void open() {
			if (this.text.startsWith("?", this.at)) {
				int end = this.text.indexOf(')', this.at);
				int colon = this.text.indexOf(':', this.at);
				int name = this.text.indexOf('>', this.at);
				if (this.text.startsWith("?P<", this.at) || this.text.startsWith("?<", this.at)) {
					this.at = (name >= 0) ? name + 1 : this.text.length();
				}
				else if (end >= 0 && (colon < 0 || end < colon)) {
					// flags only, such as (?i): no group
					this.at = end + 1;
					return;
				}
				else {
					this.at = (colon >= 0) ? colon + 1 : this.text.length();
				}
			}
			this.depth++;
			this.done[this.depth] = 0;
			this.current[this.depth] = 0;
			this.last[this.depth] = 0;
		}

		private void close() {
			if (this.depth == 0) {
				atom(1);
				return;
			}
			long group = Math.max(1, this.done[this.depth] + this.current[this.depth]);
			this.depth--;
			atom(Math.min(CAP, group));
		}

		private void repeat() {
			int end = this.text.indexOf('}', this.at);
			String counts = (end >= 0) ? this.text.substring(this.at, end) : "";
			if (!counts.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
				atom(1);
				return;
			}
			this.at = end + 1;
			int comma = counts.indexOf(',');
			long min = Long.parseLong((comma < 0) ? counts : counts.substring(0, comma));
			long max = (comma < 0) ? min
					: (comma == counts.length() - 1) ? min + 1 : Long.parseLong(counts.substring(comma + 1));
			long times = Math.max(1, Math.max(min, max));
			long repeated = Math.min(CAP, this.last[this.depth] * times);
			add(repeated - this.last[this.depth]);
			this.last[this.depth] = repeated;
		}

		/**
		 * Reads an escape; a quoted literal counts its characters, the last one being the
		 * atom a quantifier after it repeats.
		 */
		private long escape() {
			if (this.at >= this.text.length()) {
				return 1;
			}
			char c = this.text.charAt(this.at++);
			if (c == 'Q') {
				int end = this.text.indexOf("\\E", this.at);
				int stop = (end >= 0) ? end : this.text.length();
				add(Math.max(0, stop - this.at - 1));
				this.at = (end >= 0) ? end + 2 : stop;
			}
			else if ((c == 'p' || c == 'P' || c == 'x') && this.text.startsWith("{", this.at)) {
				int end = this.text.indexOf('}', this.at);
				this.at = (end >= 0) ? end + 1 : this.text.length();
			}
			else if ((c == 'p' || c == 'P') && this.at < this.text.length()) {
				this.at++;
			}
			else if (c == 'x') {
				this.at = Math.min(this.text.length(), this.at + 2);
			}
			return 1;
		}

		private long characterClass() {
			int i = this.at;
			if (i < this.text.length() && this.text.charAt(i) == '^') {
				i++;
			}
			if (i < this.text.length() && this.text.charAt(i) == ']') {
				i++;
			}
			while (i < this.text.length() && this.text.charAt(i) != ']') {
				if (this.text.charAt(i) == '\\') {
					i++;
				}
				else if (this.text.startsWith("[:", i)) {
					int end = this.text.indexOf(":]", i + 2);
					i = (end >= 0) ? end + 1 : i;
				}
				i++;
			}
			this.at = Math.min(this.text.length(), i + 1);
			return 1;
		}

	}

}
