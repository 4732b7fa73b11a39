package io.flagstaff.openfeature.conformance;

import io.flagstaff.openfeature.JsonValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the typed values the features write as text ({@code "null"} is null).
 */
final class Conversions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Conversions() {
	}

	static @Nullable Object convert(@Nullable String value, String type) {
		if (value == null || value.equals("null")) {
			return null;
		}
		return switch (type.toLowerCase(java.util.Locale.ROOT)) {
			case "boolean" -> Boolean.parseBoolean(value);
			case "string" -> value;
			case "integer" -> Integer.parseInt(value);
			case "long" -> Long.parseLong(value);
			case "float", "double" -> Double.parseDouble(value);
			case "object" -> JsonValues.toValue(JSON.readTree(value));
			default -> throw new IllegalArgumentException("Unknown type '" + type + "'");
		};
	}

}
