package io.flagstaff.cli.unleash;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for the loosely typed fields of Unleash payloads (numbers sent as
 * strings and the other way round).
 */
final class Json {

	private Json() {
	}

	/**
	 * Returns a scalar field as text.
	 * @param node the object
	 * @param field the field name
	 * @return the text, or {@code null} when absent, null or not a scalar
	 */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * Returns a boolean field.
	 * @param node the object
	 * @param field the field name
	 * @param defaultValue the value when absent or not a boolean
	 * @return the value
	 */
	static boolean bool(JsonNode node, String field, boolean defaultValue) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		return value.isString() ? Boolean.parseBoolean(value.asString()) : defaultValue;
	}

	/**
	 * Returns an array field's elements.
	 * @param node the object
	 * @param field the field name
	 * @return the elements; empty when absent or not an array
	 */
	static List<JsonNode> array(JsonNode node, String field) {
		JsonNode value = node.get(field);
		List<JsonNode> elements = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach(elements::add);
		}
		return elements;
	}

	/**
	 * Returns an array field's scalar elements as text, skipping nulls.
	 * @param node the object
	 * @param field the field name
	 * @return the texts
	 */
	static List<String> texts(JsonNode node, String field) {
		List<String> texts = new ArrayList<>();
		for (JsonNode element : array(node, field)) {
			if (element.isValueNode() && !element.isNull()) {
				texts.add(element.asString());
			}
		}
		return texts;
	}

	/**
	 * Returns an object field.
	 * @param node the object
	 * @param field the field name
	 * @return the object, or {@code null} when absent or not an object
	 */
	static @Nullable JsonNode object(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isObject()) ? value : null;
	}

}
