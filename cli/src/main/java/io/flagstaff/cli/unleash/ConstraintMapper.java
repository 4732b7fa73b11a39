package io.flagstaff.cli.unleash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.flagstaff.model.Condition;
import io.flagstaff.model.Operator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps one Unleash constraint to a native condition. Unleash semantics are kept exactly:
 * {@code NOT_IN} is the negation of {@code IN} (so it matches a context without the
 * field), a constraint whose operand can never match (an unknown operator, an invalid
 * semver, date, number or regular expression, an empty value list) is a constant, and
 * {@code inverted} flips the result afterwards.
 */
final class ConstraintMapper {

	private ConstraintMapper() {
	}

	/**
	 * Maps a constraint.
	 * @param constraint the Unleash constraint
	 * @return the condition, or the constant the constraint always evaluates to
	 */
	static Outcome map(JsonNode constraint) {
		Outcome outcome = mapField(constraint);
		// A blank context name names a field no context has: the constraint is what it
		// is for a missing field, as in Unleash.
		String field = Json.text(constraint, "contextName");
		if (field != null && field.isBlank() && outcome instanceof Match match
				&& match.condition() instanceof Condition.Attribute attribute) {
			return new Constant(attribute.negate());
		}
		return outcome;
	}

	private static Outcome mapField(JsonNode constraint) {
		String field = Json.text(constraint, "contextName");
		String operatorName = Json.text(constraint, "operator");
		boolean inverted = Json.bool(constraint, "inverted", false);
		boolean caseInsensitive = Json.bool(constraint, "caseInsensitive", false);
		if (field == null || operatorName == null) {
			return new Constant(false);
		}
		List<String> values = values(constraint);
		return switch (operatorName) {
			case "IN" -> list(field, Operator.IN, values, false, inverted);
			case "NOT_IN" -> list(field, Operator.IN, values, false, !inverted);
			case "STR_STARTS_WITH" -> list(field, Operator.STARTS_WITH, values, caseInsensitive, inverted);
			case "STR_ENDS_WITH" -> list(field, Operator.ENDS_WITH, values, caseInsensitive, inverted);
			case "STR_CONTAINS" -> list(field, Operator.CONTAINS, values, caseInsensitive, inverted);
			case "NUM_EQ" -> single(field, Operator.NUM_EQ, values, Operands::number, inverted);
			case "NUM_GT" -> single(field, Operator.GT, values, Operands::number, inverted);
			case "NUM_GTE" -> single(field, Operator.GTE, values, Operands::number, inverted);
			case "NUM_LT" -> single(field, Operator.LT, values, Operands::number, inverted);
			case "NUM_LTE" -> single(field, Operator.LTE, values, Operands::number, inverted);
			case "DATE_AFTER" -> single(field, Operator.AFTER, values, Operands::instant, inverted);
			case "DATE_BEFORE" -> single(field, Operator.BEFORE, values, Operands::instant, inverted);
			case "SEMVER_EQ" -> single(field, Operator.SEMVER_EQ, values, ConstraintMapper::semver, inverted);
			case "SEMVER_GT" -> single(field, Operator.SEMVER_GT, values, ConstraintMapper::semver, inverted);
			case "SEMVER_GTE" -> single(field, Operator.SEMVER_GTE, values, ConstraintMapper::semver, inverted);
			case "SEMVER_LT" -> single(field, Operator.SEMVER_LT, values, ConstraintMapper::semver, inverted);
			case "SEMVER_LTE" -> single(field, Operator.SEMVER_LTE, values, ConstraintMapper::semver, inverted);
			case "REGEX" -> single(field, Operator.REGEX, values, (regex) -> regex(regex, caseInsensitive), inverted);
			case "IN_CIDR" -> cidr(field, values, inverted);
			// Unleash evaluates an unknown operator to false, inverted or not.
			default -> new Constant(false);
		};
	}

	private static List<String> values(JsonNode constraint) {
		List<String> values = Json.texts(constraint, "values");
		String value = Json.text(constraint, "value");
		if (value != null) {
			values.add(0, value);
		}
		return values;
	}

	private static Outcome list(String field, Operator operator, List<String> values, boolean ignoreCase,
			boolean negate) {
		if (values.isEmpty()) {
			return new Constant(negate);
		}
		return new Match(new Condition.Attribute(field, operator, values, ignoreCase, negate));
	}

	private static Outcome single(String field, Operator operator, List<String> values,
			Function<String, @Nullable String> normalizer, boolean negate) {
		String operand = values.isEmpty() ? null : normalizer.apply(values.get(0));
		if (operand == null) {
			return new Constant(negate);
		}
		return new Match(new Condition.Attribute(field, operator, List.of(operand), false, negate));
	}

	private static Outcome cidr(String field, List<String> values, boolean negate) {
		List<String> blocks = new ArrayList<>();
		for (String value : values) {
			String block = Operands.cidr(value);
			if (block != null) {
				blocks.add(block);
			}
		}
		return list(field, Operator.IN_CIDR, blocks, false, negate);
	}

	private static @Nullable String semver(String value) {
		String trimmed = value.trim();
		return Operands.isSemver(trimmed) ? trimmed : null;
	}

	private static @Nullable String regex(String regex, boolean caseInsensitive) {
		String pattern = caseInsensitive ? "(?i)" + regex : regex;
		return Operands.isRegex(pattern) ? pattern : null;
	}

	/**
	 * What a constraint maps to.
	 */
	sealed interface Outcome {

	}

	/**
	 * A native condition.
	 *
	 * @param condition the condition
	 */
	record Match(Condition condition) implements Outcome {

	}

	/**
	 * A constraint that evaluates to the same result for every context.
	 *
	 * @param result the result
	 */
	record Constant(boolean result) implements Outcome {

	}

}
