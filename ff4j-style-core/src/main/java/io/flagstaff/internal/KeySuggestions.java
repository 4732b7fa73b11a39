package io.flagstaff.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known names closest to a mistyped one (case-insensitive Levenshtein
 * distance), for "did you mean" hints. Shared by the modules of Flagstaff (the JUnit
 * extension names the closest flags with it); not an API for applications. Stateless and
 * thread-safe.
 */
public final class KeySuggestions {

	private KeySuggestions() {
	}

	/**
	 * Returns up to three known names within a small edit distance of a name, closest
	 * first.
	 * @param name the name that was not found
	 * @param known the known names
	 * @return the suggestions, possibly empty
	 */
	public static List<String> closest(String name, Collection<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		int limit = Math.max(2, name.length() / 3);
		List<String> candidates = new ArrayList<>();
		for (String candidate : known) {
			if (distance(lower, candidate.toLowerCase(Locale.ROOT)) <= limit) {
				candidates.add(candidate);
			}
		}
		candidates
			.sort(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.naturalOrder()));
		return List.copyOf(candidates.subList(0, Math.min(3, candidates.size())));
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
			.sorted(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.naturalOrder()))
			.limit(limit)
			.toList();
	}

	/**
	 * Returns a hint naming the closest known names, or an empty string.
	 * @param name the name that was not found
	 * @param known the known names
	 * @return {@code " (did you mean 'a' or 'b'?)"} or {@code ""}
	 */
	public static String didYouMean(String name, Collection<String> known) {
		List<String> closest = closest(name, known);
		if (closest.isEmpty()) {
			return "";
		}
		return " (did you mean '" + String.join("' or '", closest) + "'?)";
	}

	/**
	 * Returns the Levenshtein distance between two strings (case-sensitive).
	 * @param a one string
	 * @param b the other
	 * @return the number of single-character edits turning one into the other
	 */
	public static int distance(String a, String b) {
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
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
