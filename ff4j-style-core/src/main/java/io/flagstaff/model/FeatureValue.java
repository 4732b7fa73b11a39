package io.flagstaff.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A typed value served by a variant: a string, a number, a boolean or a JSON object (or
 * array). Immutable: a JSON value is copied on the way in and on the way out.
 */
public sealed interface FeatureValue {

	/**
	 * The deepest nesting of lists and mappings in a JSON value ({@code []} is 1,
	 * {@code {"a": [1]}} is 2), so that any document holding it stays within the reader's
	 * nesting limit.
	 */
	int MAX_DEPTH = 32;

	/**
	 * Returns the value as a plain Java object: {@link String}, {@link BigDecimal},
	 * {@link Boolean} or a copy of the {@link JsonNode}.
	 * @return the value, never {@code null}
	 */
	Object asObject();

	/**
	 * Creates a string value.
	 * @param value the string
	 * @return the value
	 */
	static FeatureValue of(String value) {
		return new Text(value);
	}

	/**
	 * Creates a numeric value.
	 * @param value the number
	 * @return the value
	 */
	static FeatureValue of(BigDecimal value) {
		return new Num(value);
	}

	/**
	 * Creates a boolean value.
	 * @param value the boolean
	 * @return the value
	 */
	static FeatureValue of(boolean value) {
		return new Bool(value);
	}

	/**
	 * Creates a JSON value from a node: text, number and boolean nodes become the
	 * matching scalar value; objects and arrays are copied.
	 * @param node the JSON node
	 * @return the value
	 */
	static FeatureValue of(JsonNode node) {
		if (node.isString()) {
			return new Text(node.asString());
		}
		if (node.isNumber()) {
			return new Num(node.decimalValue());
		}
		if (node.isBoolean()) {
			return new Bool(node.booleanValue());
		}
		return new Json(node);
	}

	/**
	 * A string value.
	 *
	 * @param value the string
	 */
	record Text(String value) implements FeatureValue {

		public Text {
			Objects.requireNonNull(value, "value");
		}

		@Override
		public Object asObject() {
			return this.value;
		}

	}

	/**
	 * A numeric value.
	 *
	 * @param value the number
	 */
	record Num(BigDecimal value) implements FeatureValue {

		public Num {
			Objects.requireNonNull(value, "value");
		}

		@Override
		public Object asObject() {
			return this.value;
		}

	}

	/**
	 * A boolean value.
	 *
	 * @param value the boolean
	 */
	record Bool(boolean value) implements FeatureValue {

		@Override
		public Object asObject() {
			return this.value;
		}

	}

	/**
	 * A JSON object or array, nesting at most {@link #MAX_DEPTH} lists and mappings. The
	 * node is copied on construction and by {@link #value()}.
	 *
	 * @param value the JSON node
	 */
	record Json(JsonNode value) implements FeatureValue {

		/**
		 * Creates the value.
		 * @throws IllegalArgumentException when the node nests deeper than
		 * {@link #MAX_DEPTH}
		 */
		public Json {
			Objects.requireNonNull(value, "value");
			if (depth(value) > MAX_DEPTH) {
				throw new IllegalArgumentException(
						"nests lists and mappings more than " + MAX_DEPTH + " deep; flatten the value");
			}
			value = value.deepCopy();
		}

		/**
		 * Returns how deep a node nests lists and mappings, level by level (no
		 * recursion), counting no further than one past {@link #MAX_DEPTH}.
		 */
		private static int depth(JsonNode root) {
			int depth = 0;
			List<JsonNode> level = root.isContainer() ? List.of(root) : List.of();
			while (!level.isEmpty() && depth <= MAX_DEPTH) {
				depth++;
				List<JsonNode> next = new ArrayList<>();
				for (JsonNode node : level) {
					for (JsonNode child : node.values()) {
						if (child.isContainer()) {
							next.add(child);
						}
					}
				}
				level = next;
			}
			return depth;
		}

		@Override
		public JsonNode value() {
			return this.value.deepCopy();
		}

		@Override
		public Object asObject() {
			return value();
		}

	}

}
