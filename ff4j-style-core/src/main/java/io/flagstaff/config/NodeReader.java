package io.flagstaff.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.flagstaff.internal.DidYouMean;
import io.flagstaff.internal.Durations;
import io.flagstaff.model.FeatureValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to a document tree that records a problem (with its path and fix) instead
 * of throwing, and returns {@code null} for a value it could not read.
 */
final class NodeReader {

	private final Problems problems;

	NodeReader(Problems problems) {
		this.problems = problems;
	}

	Problems problems() {
		return this.problems;
	}

	void problem(String path, String message) {
		this.problems.add(path, message);
	}

	/**
	 * Checks that a node is an object whose fields are all allowed; reports each unknown
	 * field.
	 * @return whether the node is an object
	 */
	boolean object(JsonNode node, String path, List<String> allowed) {
		if (!node.isObject()) {
			problem(path.isEmpty() ? "(document)" : path,
					"must be a mapping of " + String.join(", ", allowed) + ", was " + describe(node));
			return false;
		}
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				List<String> closest = DidYouMean.closest(name, allowed);
				problem(Problems.child(path, name),
						"unknown field '" + name + "'"
								+ (closest.isEmpty() ? "; allowed here: " + String.join(", ", allowed)
										: ", did you mean '" + closest.get(0) + "'?"));
			}
		}
		return true;
	}

	/**
	 * Reads an optional field of a mapping with one of this reader's methods.
	 * @return the value, or {@code null} when the field is absent or could not be read
	 */
	<T> @Nullable T field(JsonNode node, String path, String name, BiFunction<JsonNode, String, @Nullable T> read) {
		JsonNode value = node.get(name);
		return (value != null) ? read.apply(value, Problems.child(path, name)) : null;
	}

	boolean isMap(JsonNode node, String path, String what) {
		if (!node.isObject()) {
			problem(path, "must be a mapping of " + what + ", was " + describe(node));
			return false;
		}
		return true;
	}

	@Nullable String text(JsonNode node, String path) {
		if (!node.isString()) {
			problem(path, "must be a string, was " + describe(node));
			return null;
		}
		String text = node.asString();
		if (text.isBlank()) {
			problem(path, "must not be blank; remove the field or give it a value");
			return null;
		}
		return text;
	}

	/**
	 * A served or metadata value of any JSON type, within {@link FeatureValue#MAX_DEPTH}.
	 */
	@Nullable FeatureValue value(JsonNode node, String path) {
		try {
			return FeatureValue.of(node);
		}
		catch (IllegalArgumentException ex) {
			problem(path, String.valueOf(ex.getMessage()));
			return null;
		}
	}

	/** A string, number or boolean, as text (user ids and attribute values). */
	@Nullable String scalar(JsonNode node, String path) {
		if (node.isString() || node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		problem(path, "must be a string or number, was " + describe(node));
		return null;
	}

	@Nullable Boolean bool(JsonNode node, String path) {
		if (!node.isBoolean()) {
			problem(path, "must be true or false, was " + describe(node));
			return null;
		}
		return node.booleanValue();
	}

	@Nullable BigDecimal number(JsonNode node, String path) {
		if (!node.isNumber()) {
			problem(path, "must be a number, was " + describe(node));
			return null;
		}
		return node.decimalValue();
	}

	@Nullable Integer integer(JsonNode node, String path, int min) {
		BigDecimal number = number(node, path);
		if (number == null) {
			return null;
		}
		if (number.stripTrailingZeros().scale() > 0) {
			problem(path, "must be a whole number, was " + show(number));
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
			problem(path, "must be at least " + min + ", was " + show(number));
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			problem(path, "must be at most " + Integer.MAX_VALUE + ", was " + show(number));
			return null;
		}
		return number.intValueExact();
	}

	/** A percentage between 0 and 100 with at most two decimals. */
	@Nullable Double percentage(JsonNode node, String path) {
		BigDecimal number = number(node, path);
		if (number == null) {
			return null;
		}
		if (number.compareTo(BigDecimal.ZERO) < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
			problem(path, "must be between 0 and 100, was " + show(number));
			return null;
		}
		if (number.stripTrailingZeros().scale() > 2) {
			problem(path, "must have at most two decimals (steps of 0.01%), was " + show(number));
			return null;
		}
		return number.doubleValue();
	}

	/** A fraction in (0, 1]. */
	@Nullable Double fraction(JsonNode node, String path) {
		BigDecimal number = number(node, path);
		if (number == null) {
			return null;
		}
		if (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) > 0) {
			problem(path, "must be a fraction above 0 and at most 1 (0.25 means 25%), was " + show(number));
			return null;
		}
		return number.doubleValue();
	}

	@Nullable Duration duration(JsonNode node, String path) {
		Duration duration = node.isString() ? Durations.parse(node.asString()) : null;
		if (duration == null) {
			problem(path, "must be a duration such as 300ms, 30s, 1m, 2h, 1d or PT1M, was " + describe(node));
			return null;
		}
		if (duration.isNegative() || duration.isZero()) {
			problem(path, "must be longer than zero, was '" + node.asString() + "'");
			return null;
		}
		return duration;
	}

	@Nullable Instant instant(JsonNode node, String path) {
		if (node.isString()) {
			String text = node.asString();
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		problem(path,
				"must be a date-time with an offset, such as 2026-12-01T08:00:00Z or 2026-12-01T09:00:00+01:00, was "
						+ describe(node));
		return null;
	}

	@Nullable LocalDate date(JsonNode node, String path) {
		if (node.isString()) {
			try {
				return LocalDate.parse(node.asString());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		problem(path, "must be a date such as 2027-03-01, was " + describe(node));
		return null;
	}

	/** A list of strings or numbers as text; a missing node is an empty list. */
	List<String> scalarList(JsonNode node, String path) {
		List<String> values = new ArrayList<>();
		if (!node.isArray()) {
			problem(path, "must be a list such as [a, b], was " + describe(node));
			return values;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			String value = scalar(element, Problems.index(path, i++));
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	/**
	 * Shows a number as written when it is of a reasonable size, else in scientific
	 * notation (never as thousands of zeros).
	 */
	static String show(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		int exponent = stripped.precision() - stripped.scale() - 1;
		return (Math.abs(exponent) <= 20) ? stripped.toPlainString() : stripped.toString();
	}

	static String describe(JsonNode node) {
		if (node.isObject()) {
			return "a mapping";
		}
		if (node.isArray()) {
			return "a list";
		}
		if (node.isNull()) {
			return "empty (null)";
		}
		if (node.isString()) {
			return "'" + node.asString() + "'";
		}
		return node.asString();
	}

}
