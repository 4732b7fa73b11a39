package io.flagstaff.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.model.Condition;
import io.flagstaff.model.Operator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads conditions: {@code {attribute: X, <operator>: value, not: true}} or
 * {@code {segment: name, not: true}}.
 */
final class ConditionReader {

	static final String IGNORE_CASE = "IgnoreCase";

	/** Condition keys, operator names included, in the order they are suggested. */
	static final Map<String, Operator> OPERATORS = operators();

	private static final List<String> ATTRIBUTE_FIELDS = attributeFields();

	private static final List<String> SEGMENT_FIELDS = List.of("segment", "not");

	private final NodeReader reader;

	ConditionReader(NodeReader reader) {
		this.reader = reader;
	}

	private static Map<String, Operator> operators() {
		Map<String, Operator> operators = new LinkedHashMap<>();
		for (Operator operator : Operator.values()) {
			operators.put(operator.configName(), operator);
			if (operator.supportsIgnoreCase()) {
				operators.put(operator.configName() + IGNORE_CASE, operator);
			}
		}
		return operators;
	}

	private static List<String> attributeFields() {
		List<String> fields = new ArrayList<>();
		fields.add("attribute");
		fields.addAll(OPERATORS.keySet());
		fields.add("not");
		return List.copyOf(fields);
	}

	static boolean multiValued(Operator operator) {
		return switch (operator) {
			case IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH, IN_CIDR -> true;
			default -> false;
		};
	}

	static boolean numeric(Operator operator) {
		return switch (operator) {
			case NUM_EQ, LT, LTE, GT, GTE -> true;
			default -> false;
		};
	}

	List<Condition> list(JsonNode node, String path) {
		List<Condition> conditions = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path, "must be a list of conditions such as [ { attribute: region, in: [DE] } ], was "
					+ NodeReader.describe(node));
			return conditions;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			Condition condition = condition(element, Problems.index(path, i++));
			if (condition != null) {
				conditions.add(condition);
			}
		}
		return conditions;
	}

	@Nullable Condition condition(JsonNode node, String path) {
		if (!node.isObject()) {
			this.reader.problem(path,
					"must be a condition such as { attribute: region, in: [DE] } or { segment: beta }, was "
							+ NodeReader.describe(node));
			return null;
		}
		if (node.has("segment")) {
			return segment(node, path);
		}
		return attribute(node, path);
	}

	private @Nullable Condition segment(JsonNode node, String path) {
		if (node.has("attribute")) {
			this.reader.problem(path, "names both a segment and an attribute; split it into two conditions");
			return null;
		}
		this.reader.object(node, path, SEGMENT_FIELDS);
		String segment = this.reader.text(node.get("segment"), Problems.child(path, "segment"));
		boolean negate = negate(node, path);
		return (segment != null) ? new Condition.Segment(segment, negate) : null;
	}

	private @Nullable Condition attribute(JsonNode node, String path) {
		int before = this.reader.problems().size();
		this.reader.object(node, path, ATTRIBUTE_FIELDS);
		boolean unknownFields = this.reader.problems().size() > before;
		String attribute = null;
		if (!node.has("attribute")) {
			this.reader.problem(Problems.child(path, "attribute"),
					"is required: name the context attribute to test (userId, region, ...), or use segment: <name>");
		}
		else {
			attribute = this.reader.text(node.get("attribute"), Problems.child(path, "attribute"));
		}
		List<String> operatorKeys = new ArrayList<>();
		for (String name : node.propertyNames()) {
			if (OPERATORS.containsKey(name)) {
				operatorKeys.add(name);
			}
		}
		boolean negate = negate(node, path);
		if (operatorKeys.size() != 1) {
			if (operatorKeys.isEmpty() && !unknownFields) {
				this.reader.problem(path,
						"needs one operator, such as equals, in, regex, gte, semverGte, before, inCidr, "
								+ "exists or isTrue");
			}
			else if (!operatorKeys.isEmpty()) {
				this.reader.problem(path, "has several operators (" + String.join(", ", operatorKeys)
						+ "); keep one per condition and add another condition for the rest");
			}
			return null;
		}
		String key = operatorKeys.get(0);
		Operator operator = Objects.requireNonNull(OPERATORS.get(key), key);
		List<String> values = values(operator, key, node.get(key), Problems.child(path, key));
		if (attribute == null || values == null) {
			return null;
		}
		return new Condition.Attribute(attribute, operator, values, key.endsWith(IGNORE_CASE), negate);
	}

	private boolean negate(JsonNode node, String path) {
		JsonNode not = node.get("not");
		if (not == null) {
			return false;
		}
		Boolean negate = this.reader.bool(not, Problems.child(path, "not"));
		return negate != null && negate;
	}

	private @Nullable List<String> values(Operator operator, String key, JsonNode node, String path) {
		switch (operator) {
			case EXISTS -> {
				Boolean exists = this.reader.bool(node, path);
				return (exists != null) ? List.of(exists.toString()) : null;
			}
			case IS_TRUE, IS_FALSE -> {
				if (!node.isBoolean() || !node.booleanValue()) {
					this.reader.problem(path,
							"write " + key + ": true (negate with not: true), was " + NodeReader.describe(node));
					return null;
				}
				return List.of();
			}
			default -> {
				if (multiValued(operator)) {
					if (node.isArray()) {
						List<String> values = this.reader.scalarList(node, path);
						if (values.isEmpty() && node.isEmpty()) {
							this.reader.problem(path, "must list at least one value");
						}
						return values;
					}
					String value = this.reader.scalar(node, path);
					return (value != null) ? List.of(value) : null;
				}
				if (node.isArray()) {
					this.reader.problem(path, key + " takes one value, was a list"
							+ ((operator == Operator.EQUALS) ? "; use in for a list of values" : ""));
					return null;
				}
				if (numeric(operator)) {
					return numericValue(node, path);
				}
				String value = this.reader.scalar(node, path);
				return (value != null) ? List.of(value) : null;
			}
		}
	}

	private @Nullable List<String> numericValue(JsonNode node, String path) {
		if (node.isNumber()) {
			return List.of(node.decimalValue().toString());
		}
		String text = node.isString() ? node.asString().trim() : "";
		if (!text.isEmpty() && text.length() <= Limits.MAX_NUMBER_DIGITS + 10) {
			try {
				String problem = DocumentBudget.numberProblem(new BigDecimal(text));
				if (problem != null) {
					this.reader.problem(path, problem);
					return null;
				}
				return List.of(text);
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		this.reader.problem(path, "must be a number, was " + NodeReader.describe(node));
		return null;
	}

}
