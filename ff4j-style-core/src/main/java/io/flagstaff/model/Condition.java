package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a rule or segment: a test of a context attribute, or a reference to a
 * named segment. Every condition can be negated.
 */
public sealed interface Condition {

	/**
	 * Returns whether the condition's result is inverted.
	 * @return {@code true} when negated
	 */
	boolean negate();

	/**
	 * A test of one context attribute. A missing attribute never matches (before negation
	 * is applied, except for {@link Operator#EXISTS}), and never throws.
	 *
	 * @param attribute the attribute name: {@code userId}, {@code sessionId},
	 * {@code environment}, {@code currentTime}, or any custom attribute
	 * @param operator the operator
	 * @param values the operand(s); one element for single-valued operators, empty for
	 * {@code isTrue}/{@code isFalse}; {@code ["true"]} or {@code ["false"]} for
	 * {@code exists}
	 * @param ignoreCase whether string comparison ignores case
	 * @param negate whether the result is inverted
	 */
	record Attribute(String attribute, Operator operator, List<String> values, boolean ignoreCase,
			boolean negate) implements Condition {

		public Attribute {
			Objects.requireNonNull(attribute, "attribute");
			Objects.requireNonNull(operator, "operator");
			values = List.copyOf(values);
		}

	}

	/**
	 * A reference to a named segment: matches when all of the segment's conditions match.
	 *
	 * @param segment the segment name
	 * @param negate whether the result is inverted
	 */
	record Segment(String segment, boolean negate) implements Condition {

		public Segment {
			Objects.requireNonNull(segment, "segment");
		}

	}

}
