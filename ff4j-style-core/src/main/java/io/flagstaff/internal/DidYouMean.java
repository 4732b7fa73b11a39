package io.flagstaff.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known names closest to a mistyped one, for every "did you mean" of Flagstaff
 * (configuration fields and values, flag keys, segments, variants): the edit distance
 * ignores case and counts inserting, deleting or replacing a character, or swapping two
 * adjacent ones, as one edit. Stateless and thread-safe.
 */
public final class DidYouMean {

	private DidYouMean() {
	}

	/**
	 * Returns up to three known names close enough to a name to be a likely typo (within
	 * one edit per three characters, at least one), closest first, ties in natural order.
	 * @param name the name that was not found
	 * @param known the known names
	 * @return the suggestions, possibly empty
	 */
	public static List<String> closest(String name, Collection<String> known) {
		int limit = Math.max(1, name.length() / 3);
		String lower = name.toLowerCase(Locale.ROOT);
		return nearest(name,
				known.stream().filter((candidate) -> distanceIgnoringCase(lower, candidate) <= limit).toList(), 3);
	}

	/**
	 * Returns the known names closest to a name, closest first (ties in natural order),
	 * however far they are: for messages that always name the nearest candidates.
	 * @param name the name that was not found
	 * @param known the known names
	 * @param limit how many names to return at most
	 * @return up to {@code limit} names; empty when none are known
	 */
	public static List<String> nearest(String name, Collection<String> known, int limit) {
		String lower = name.toLowerCase(Locale.ROOT);
		return known.stream()
			.sorted(Comparator.comparingInt((String candidate) -> distanceIgnoringCase(lower, candidate))
				.thenComparing(Comparator.naturalOrder()))
			.limit(limit)
			.toList();
	}

	/**
	 * Returns a hint naming the {@link #closest(String, Collection) closest} known names.
	 * @param name the name that was not found
	 * @param known the known names
	 * @return {@code " (did you mean 'a' or 'b'?)"}, or {@code ""} when none is close
	 */
	public static String hint(String name, Collection<String> known) {
		List<String> closest = closest(name, known);
		return closest.isEmpty() ? "" : " (did you mean '" + String.join("' or '", closest) + "'?)";
	}

	private static int distanceIgnoringCase(String lowerName, String candidate) {
		return distance(lowerName, candidate.toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns the edit distance between two strings (case-sensitive): the fewest
	 * insertions, deletions, replacements and swaps of two adjacent characters that turn
	 * one into the other, each substring edited once (optimal string alignment).
	 * @param a one string
	 * @param b the other
	 * @return the distance; the length of the other string when one is empty
	 */
	public static int distance(String a, String b) {
		int[] beforePrevious = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
				}
			}
			int[] recycled = beforePrevious;
			beforePrevious = previous;
			previous = current;
			current = recycled;
		}
		return previous[b.length()];
	}

}
