package io.flagstaff.config;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Holds a document tree to the {@link Limits} that need a path to be reported well: every
 * string and key (length, valid Unicode), every number (finite, digits, exponent) and the
 * nesting (which the parser checks on reading, and this on writing). Walks the tree
 * without recursion, level by level.
 */
final class DocumentBudget {

	private DocumentBudget() {
	}

	static void check(JsonNode root, String path, Problems problems) {
		ArrayDeque<Place> places = new ArrayDeque<>();
		places.add(new Place(root, null, path, 1));
		while (!places.isEmpty() && problems.size() < Limits.MAX_PROBLEMS) {
			Place place = places.poll();
			JsonNode node = place.node;
			if (node.isContainer() && place.depth > Limits.MAX_NESTING_DEPTH) {
				report(problems, place, "nests mappings and lists more than " + Limits.MAX_NESTING_DEPTH
						+ " levels deep from the top of the document; flatten it");
				continue;
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					Place child = new Place(field.getValue(), place, "." + field.getKey(), place.depth + 1);
					report(problems, child, stringProblem("a key", field.getKey()));
					places.add(child);
				}
			}
			else if (node.isArray()) {
				int i = 0;
				for (JsonNode element : node.values()) {
					places.add(new Place(element, place, "[" + i++ + "]", place.depth + 1));
				}
			}
			else if (node.isString()) {
				report(problems, place, stringProblem("a string", node.asString()));
			}
			else if (node.isNumber()) {
				report(problems, place, numberProblem(node));
			}
		}
	}

	private static void report(Problems problems, Place place, @Nullable String message) {
		if (message != null) {
			String path = place.path();
			problems.add(path.isEmpty() ? "(document)" : path, message);
		}
	}

	/**
	 * A node and where it is: its parent and its step from it ({@code .name} or
	 * {@code [i]}), so a path is only written out for a node with a problem (paths under
	 * long keys would otherwise take memory in proportion to the nodes under them).
	 */
	private static final class Place {

		final JsonNode node;

		final @Nullable Place parent;

		final String step;

		final int depth;

		Place(JsonNode node, @Nullable Place parent, String step, int depth) {
			this.node = node;
			this.parent = parent;
			this.step = step;
			this.depth = depth;
		}

		String path() {
			StringBuilder path = new StringBuilder();
			for (Place place = this; place != null; place = place.parent) {
				path.insert(0, place.step);
			}
			return (path.length() > 0 && path.charAt(0) == '.') ? path.substring(1) : path.toString();
		}

	}

	/**
	 * Returns what is wrong with a string: too long, or holding half of a surrogate pair
	 * (not Unicode: no file encoding can hold it, so it would not read back the same).
	 */
	static @Nullable String stringProblem(String what, String text) {
		if (text.length() > Limits.MAX_STRING_CHARS) {
			return "is " + what + " of " + text.length() + " characters; at most " + Limits.MAX_STRING_CHARS
					+ " are allowed: shorten it";
		}
		int surrogate = loneSurrogate(text);
		if (surrogate >= 0) {
			return "is " + what + " holding a lone surrogate (U+"
					+ Integer.toHexString(text.charAt(surrogate)).toUpperCase(java.util.Locale.ROOT) + ") at character "
					+ surrogate + ", which is not Unicode: remove it or write the character it belongs to";
		}
		return null;
	}

	/**
	 * Returns the index of the first surrogate that is not part of a pair, or -1.
	 */
	static int loneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	private static @Nullable String numberProblem(JsonNode node) {
		if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
			return "must be a finite number, was " + node.doubleValue();
		}
		return (node.isBigDecimal() || node.isBigInteger()) ? numberProblem(node.decimalValue()) : null;
	}

	/**
	 * Returns what is wrong with a number's size: too many digits, or an exponent beyond
	 * {@link Limits#MAX_NUMBER_EXPONENT} either way (zero included: {@code 0e-999999999}
	 * would print as a billion zeros).
	 */
	static @Nullable String numberProblem(BigDecimal number) {
		if (number.precision() > Limits.MAX_NUMBER_DIGITS) {
			return "has " + number.precision() + " digits; at most " + Limits.MAX_NUMBER_DIGITS + " are allowed";
		}
		long exponent = (long) number.precision() - number.scale() - 1;
		if (Math.abs(exponent) > Limits.MAX_NUMBER_EXPONENT) {
			return "must be within 1e-" + Limits.MAX_NUMBER_EXPONENT + " and 1e" + Limits.MAX_NUMBER_EXPONENT
					+ " in size, was " + number;
		}
		return null;
	}

}
