package io.flagstaff.config;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Suggests the closest allowed name for a misspelt one (Levenshtein distance, ignoring
 * case).
 */
final class DidYouMean {

	private DidYouMean() {
	}

	static @Nullable String closest(String name, Collection<String> allowed) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = name.toLowerCase(Locale.ROOT);
		for (String candidate : allowed) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int limit = Math.max(2, name.length() / 3);
		return (best != null && bestDistance <= limit) ? best : null;
	}

	static int distance(String a, String b) {
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

	/**
	 * Builds the message for an unknown field.
	 * @param name the unknown name
	 * @param allowed the names allowed at that place
	 * @return the message
	 */
	static String unknownField(String name, Collection<String> allowed) {
		String suggestion = closest(name, allowed);
		if (suggestion != null) {
			return "unknown field '" + name + "', did you mean '" + suggestion + "'?";
		}
		return "unknown field '" + name + "'; allowed here: " + String.join(", ", allowed);
	}

}
