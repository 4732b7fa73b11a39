package io.flagstaff.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Pattern;
import io.flagstaff.FeatureContext;
import io.flagstaff.config.Limits;
import io.flagstaff.model.Operator;
import org.jspecify.annotations.Nullable;

/**
 * The compiled condition types, one per operator family.
 */
final class Conditions {

	private Conditions() {
	}

	/**
	 * Returns whether a comparison's result satisfies an ordering operator, numeric or
	 * semver.
	 */
	static boolean ordered(Operator operator, int comparison) {
		return switch (operator) {
			case NUM_EQ, SEMVER_EQ -> comparison == 0;
			case LT, SEMVER_LT -> comparison < 0;
			case LTE, SEMVER_LTE -> comparison <= 0;
			case GT, SEMVER_GT -> comparison > 0;
			case GTE, SEMVER_GTE -> comparison >= 0;
			default -> false;
		};
	}

	/**
	 * equals, in, notIn, contains, startsWith, endsWith; allocation-free, ignore-case
	 * included.
	 */
	static final class StringMatch extends CompiledCondition {

		private final AttributeRef attribute;

		private final Operator operator;

		private final String[] values;

		private final boolean ignoreCase;

		/**
		 * For case-sensitive equals, in and notIn: the operands' hash codes, compared
		 * before the strings; {@code null} for the other operators.
		 */
		private final int @Nullable [] hashes;

		/**
		 * For case-sensitive equals, in and notIn with many operands, or {@code null}.
		 */
		private final @Nullable Set<String> set;

		StringMatch(AttributeRef attribute, Operator operator, List<String> values, boolean ignoreCase,
				boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.operator = operator;
			this.values = values.toArray(new String[0]);
			this.ignoreCase = ignoreCase;
			boolean exact = !ignoreCase
					&& (operator == Operator.EQUALS || operator == Operator.IN || operator == Operator.NOT_IN);
			this.set = (exact && this.values.length > SMALL) ? Set.copyOf(values) : null;
			if (exact && this.set == null) {
				this.hashes = new int[this.values.length];
				for (int i = 0; i < this.values.length; i++) {
					this.hashes[i] = this.values[i].hashCode();
				}
			}
			else {
				this.hashes = null;
			}
		}

		/** Operand lists longer than this are looked up in a hash set. */
		private static final int SMALL = 8;

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String value = this.attribute.get(context, runtime);
			if (value == null) {
				return false;
			}
			int[] operandHashes = this.hashes;
			if (operandHashes != null) {
				return exactlyOne(value, operandHashes) != (this.operator == Operator.NOT_IN);
			}
			if (this.set != null) {
				return this.set.contains(value) != (this.operator == Operator.NOT_IN);
			}
			if (this.operator == Operator.NOT_IN) {
				return !any(value, Operator.EQUALS);
			}
			return any(value, this.operator);
		}

		private boolean exactlyOne(String value, int[] operandHashes) {
			int hash = value.hashCode();
			for (int i = 0; i < operandHashes.length; i++) {
				if (operandHashes[i] == hash && this.values[i].equals(value)) {
					return true;
				}
			}
			return false;
		}

		private boolean any(String value, Operator operator) {
			for (String operand : this.values) {
				if (matchesOne(value, operand, operator)) {
					return true;
				}
			}
			return false;
		}

		private boolean matchesOne(String value, String operand, Operator operator) {
			boolean ic = this.ignoreCase;
			return switch (operator) {
				case EQUALS, IN -> ic ? value.equalsIgnoreCase(operand) : value.equals(operand);
				case STARTS_WITH -> value.regionMatches(ic, 0, operand, 0, operand.length());
				case ENDS_WITH ->
					value.regionMatches(ic, value.length() - operand.length(), operand, 0, operand.length());
				case CONTAINS -> contains(value, operand, ic);
				default -> false;
			};
		}

		private static boolean contains(String value, String operand, boolean ignoreCase) {
			if (!ignoreCase) {
				return value.contains(operand);
			}
			for (int i = 0; i <= value.length() - operand.length(); i++) {
				if (value.regionMatches(true, i, operand, 0, operand.length())) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * regex: RE2 semantics (linear time), matching anywhere in the value ({@code find});
	 * a value longer than {@link Limits#MAX_REGEX_INPUT_CHARS} does not match, so one
	 * match costs at most that many steps times the expression's size.
	 */
	static final class RegexMatch extends CompiledCondition {

		private final AttributeRef attribute;

		private final Pattern pattern;

		RegexMatch(AttributeRef attribute, Pattern pattern, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.pattern = pattern;
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String value = this.attribute.get(context, runtime);
			return value != null && value.length() <= Limits.MAX_REGEX_INPUT_CHARS
					&& this.pattern.matcher(value).find();
		}

	}

	/**
	 * eq, lt, lte, gt, gte on numbers.
	 */
	static final class NumberCompare extends CompiledCondition {

		private final AttributeRef attribute;

		private final Operator operator;

		private final double operand;

		NumberCompare(AttributeRef attribute, Operator operator, double operand, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.operator = operator;
			this.operand = operand;
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String text = this.attribute.get(context, runtime);
			if (text == null) {
				return false;
			}
			double value = parseNumber(text);
			if (Double.isNaN(value)) {
				return false;
			}
			return ordered(this.operator, Double.compare(value, this.operand));
		}

		/**
		 * Parses a decimal number; {@code NaN} when the text is not one.
		 */
		static double parseNumber(String text) {
			double fast = parseSimpleDecimal(text);
			if (!Double.isNaN(fast)) {
				return fast;
			}
			String trimmed = text.trim();
			if (trimmed.isEmpty() || !isDecimal(trimmed)) {
				return Double.NaN;
			}
			try {
				double value = Double.parseDouble(trimmed);
				return Double.isInfinite(value) ? Double.NaN : value;
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}

		/**
		 * Parses {@code [-+]digits[.digits]} with at most 15 significant digits without
		 * allocating: such a mantissa and a power of ten up to 10^22 are exact doubles,
		 * so their quotient is correctly rounded, as {@link Double#parseDouble} would
		 * round it.
		 * @return the value, or {@code NaN} when the text is not of that simple form
		 */
		static double parseSimpleDecimal(String text) {
			int length = text.length();
			int i = 0;
			boolean negative = false;
			if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
				negative = text.charAt(i) == '-';
				i++;
			}
			long mantissa = 0;
			int digits = 0;
			boolean sawDigit = false;
			int scale = -1;
			for (; i < length; i++) {
				char c = text.charAt(i);
				if (c >= '0' && c <= '9') {
					sawDigit = true;
					if (mantissa != 0 || c != '0') {
						digits++;
					}
					if (digits > 15) {
						return Double.NaN;
					}
					mantissa = mantissa * 10 + (c - '0');
					if (scale >= 0) {
						scale++;
					}
				}
				else if (c == '.' && scale < 0) {
					scale = 0;
				}
				else {
					return Double.NaN;
				}
			}
			if (!sawDigit || scale > 22) {
				return Double.NaN;
			}
			double value = (scale > 0) ? mantissa / POWERS_OF_TEN[scale] : mantissa;
			return negative ? -value : value;
		}

		private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
				1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

		private static boolean isDecimal(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * semverEq, semverLt, semverLte, semverGt, semverGte.
	 */
	static final class SemverCompare extends CompiledCondition {

		private final AttributeRef attribute;

		private final Operator operator;

		private final Semver operand;

		SemverCompare(AttributeRef attribute, Operator operator, Semver operand, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.operator = operator;
			this.operand = operand;
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String text = this.attribute.get(context, runtime);
			Semver value = (text != null) ? Semver.parse(text) : null;
			if (value == null) {
				return false;
			}
			return ordered(this.operator, value.compareTo(this.operand));
		}

	}

	/**
	 * before and after on date-times; the attribute {@code currentTime} reads the
	 * context's time or the evaluator's clock.
	 */
	static final class TimeCompare extends CompiledCondition {

		private final @Nullable AttributeRef attribute;

		private final boolean before;

		private final Instant operand;

		private final long operandMillis;

		/**
		 * @param attribute the attribute, or {@code null} for the current time
		 */
		TimeCompare(@Nullable AttributeRef attribute, boolean before, Instant operand, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.before = before;
			this.operand = operand;
			this.operandMillis = operand.toEpochMilli();
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			if (this.attribute == null) {
				Instant time = context.currentTime();
				if (time != null) {
					return compare(time.compareTo(this.operand));
				}
				return compare(Long.compare(runtime.clock().millis(), this.operandMillis));
			}
			String text = this.attribute.get(context, runtime);
			Instant value = (text != null) ? DateTimes.parse(text) : null;
			return value != null && compare(value.compareTo(this.operand));
		}

		private boolean compare(int comparison) {
			return this.before ? comparison < 0 : comparison > 0;
		}

	}

	/**
	 * inCidr: IPv4 and IPv6 blocks.
	 */
	static final class CidrMatch extends CompiledCondition {

		private final AttributeRef attribute;

		private final IpAddresses.Cidr[] blocks;

		CidrMatch(AttributeRef attribute, List<IpAddresses.Cidr> blocks, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.blocks = blocks.toArray(new IpAddresses.Cidr[0]);
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String text = this.attribute.get(context, runtime);
			byte[] address = (text != null) ? IpAddresses.parse(text) : null;
			if (address == null) {
				return false;
			}
			for (IpAddresses.Cidr block : this.blocks) {
				if (block.contains(address)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * exists: the attribute is present (or absent); {@code *} means the context carries a
	 * user id, a session id or any attribute.
	 */
	static final class Exists extends CompiledCondition {

		private final @Nullable AttributeRef attribute;

		private final boolean expected;

		/**
		 * @param attribute the attribute, or {@code null} for {@code *}
		 */
		Exists(@Nullable AttributeRef attribute, boolean expected, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.expected = expected;
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			boolean present = (this.attribute != null) ? this.attribute.get(context, runtime) != null
					: context.hasIdentity();
			return present == this.expected;
		}

	}

	/**
	 * isTrue and isFalse, ignoring case and surrounding blanks.
	 */
	static final class BooleanMatch extends CompiledCondition {

		private final AttributeRef attribute;

		private final String expected;

		BooleanMatch(AttributeRef attribute, boolean expected, boolean negate) {
			super(negate);
			this.attribute = attribute;
			this.expected = Boolean.toString(expected).toLowerCase(Locale.ROOT);
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			String value = this.attribute.get(context, runtime);
			return value != null && value.strip().equalsIgnoreCase(this.expected);
		}

	}

	/**
	 * A reference to a segment: all of its conditions hold.
	 */
	static final class SegmentMatch extends CompiledCondition {

		private final CompiledCondition[] conditions;

		SegmentMatch(CompiledCondition[] conditions, boolean negate) {
			super(negate);
			this.conditions = conditions;
		}

		@Override
		boolean test(FeatureContext context, EvaluationRuntime runtime) {
			return allMatch(this.conditions, context, runtime);
		}

		static boolean allMatch(CompiledCondition[] conditions, FeatureContext context, EvaluationRuntime runtime) {
			for (CompiledCondition condition : conditions) {
				if (!condition.matches(context, runtime)) {
					return false;
				}
			}
			return true;
		}

	}

}
