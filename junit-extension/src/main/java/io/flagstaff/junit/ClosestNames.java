package io.flagstaff.junit;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known names closest to a misspelt one, by edit distance (case-insensitive).
 */
final class ClosestNames {

	private static final int LIMIT = 3;

	private ClosestNames() {
	}

	/**
	 * Returns up to three known names closest to {@code name}, closest first.
	 * @param name the unknown name
	 * @param known the known names
	 * @return the closest names; empty when none are known
	 */
	static List<String> closestTo(String name, Collection<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		return known.stream()
			.sorted(Comparator.<String>comparingInt((candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.naturalOrder()))
			.limit(LIMIT)
			.toList();
	}

	/**
	 * Returns the Levenshtein distance between two strings.
	 * @param a one string
	 * @param b the other
	 * @return the number of single-character edits turning one into the other
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
