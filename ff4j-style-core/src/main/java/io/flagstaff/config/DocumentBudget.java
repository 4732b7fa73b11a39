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
		ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
		ArrayDeque<String> paths = new ArrayDeque<>();
		ArrayDeque<Integer> depths = new ArrayDeque<>();
		nodes.add(root);
		paths.add(path);
		depths.add(1);
		while (!nodes.isEmpty() && problems.size() < Limits.MAX_PROBLEMS) {
			JsonNode node = nodes.poll();
			String at = paths.poll();
			int depth = depths.poll();
			if (node.isContainer() && depth > Limits.MAX_NESTING_DEPTH) {
				report(problems, at, "nests mappings and lists more than " + Limits.MAX_NESTING_DEPTH
						+ " levels deep from the top of the document; flatten it");
				continue;
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					String child = Problems.child(at, field.getKey());
					report(problems, child, stringProblem("a key", field.getKey()));
					nodes.add(field.getValue());
					paths.add(child);
					depths.add(depth + 1);
				}
			}
			else if (node.isArray()) {
				int i = 0;
				for (JsonNode element : node.values()) {
					nodes.add(element);
					paths.add(Problems.index(at, i++));
					depths.add(depth + 1);
				}
			}
			else if (node.isString()) {
				report(problems, at, stringProblem("a string", node.asString()));
			}
			else if (node.isNumber()) {
				report(problems, at, numberProblem(node));
			}
		}
	}

	private static void report(Problems problems, String path, @Nullable String message) {
		if (message != null) {
			problems.add(path.isEmpty() ? "(document)" : path, message);
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
