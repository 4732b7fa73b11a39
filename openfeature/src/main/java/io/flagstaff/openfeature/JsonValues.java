package io.flagstaff.openfeature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import io.flagstaff.model.FeatureValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between Flagstaff's JSON values and OpenFeature's {@link Value}: objects are
 * {@link Structure}s, arrays are lists, numbers are {@link Integer} when whole and within
 * its range, else {@link Long} when whole, else {@link Double}; OpenFeature instants
 * become ISO-8601 strings. Stateless and thread-safe; the values it returns are
 * immutable.
 */
public final class JsonValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonValues() {
	}

	/**
	 * Converts a JSON node to a value.
	 * @param node the node
	 * @return the value; a JSON {@code null} is the null value
	 */
	public static Value toValue(JsonNode node) {
		if (node.isObject()) {
			Map<String, Value> entries = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				entries.put(entry.getKey(), toValue(entry.getValue()));
			}
			return new Value(new ImmutableStructure(entries));
		}
		if (node.isArray()) {
			List<Value> elements = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				elements.add(toValue(element));
			}
			return new Value(Collections.unmodifiableList(elements));
		}
		if (node.isString()) {
			return new Value(node.asString());
		}
		if (node.isBoolean()) {
			return new Value(node.booleanValue());
		}
		if (node.isNumber()) {
			return number(node.decimalValue());
		}
		return new Value();
	}

	/**
	 * Converts a Flagstaff value to a value.
	 * @param value the Flagstaff value
	 * @return the value
	 */
	public static Value toValue(FeatureValue value) {
		if (value instanceof FeatureValue.Text text) {
			return new Value(text.value());
		}
		if (value instanceof FeatureValue.Num num) {
			return number(num.value());
		}
		if (value instanceof FeatureValue.Bool bool) {
			return new Value(bool.value());
		}
		return toValue(((FeatureValue.Json) value).value());
	}

	/**
	 * Converts a value to a JSON node.
	 * @param value the value
	 * @return the node; the null value is a JSON {@code null}
	 */
	public static JsonNode toJson(Value value) {
		Object inner = value.asObject();
		if (value.isStructure()) {
			ObjectNode object = NODES.objectNode();
			Structure structure = value.asStructure();
			for (String key : structure.keySet()) {
				Value entry = structure.getValue(key);
				object.set(key, (entry != null) ? toJson(entry) : NODES.nullNode());
			}
			return object;
		}
		if (value.isList()) {
			ArrayNode array = NODES.arrayNode();
			for (Value element : value.asList()) {
				array.add((element != null) ? toJson(element) : NODES.nullNode());
			}
			return array;
		}
		if (inner instanceof String text) {
			return NODES.stringNode(text);
		}
		if (inner instanceof Boolean bool) {
			return NODES.booleanNode(bool);
		}
		if (inner instanceof Integer integer) {
			return NODES.numberNode(integer);
		}
		if (inner instanceof Long whole) {
			return NODES.numberNode(whole);
		}
		if (inner instanceof Number number) {
			return NODES.numberNode(number.doubleValue());
		}
		if (inner instanceof Instant instant) {
			return NODES.stringNode(instant.toString());
		}
		return NODES.nullNode();
	}

	/**
	 * Returns a number as the narrowest of {@link Integer}, {@link Long} and
	 * {@link Double} that holds it.
	 */
	static Value number(BigDecimal number) {
		Number narrowest = narrowest(number);
		if (narrowest instanceof Integer integer) {
			return new Value(integer);
		}
		if (narrowest instanceof Long whole) {
			return new Value(whole);
		}
		return new Value((Double) narrowest);
	}

	static Number narrowest(BigDecimal number) {
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException notAnInt) {
			try {
				return number.longValueExact();
			}
			catch (ArithmeticException notALong) {
				return number.doubleValue();
			}
		}
	}

}
