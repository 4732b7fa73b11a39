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
		int limit = Math.max(1, (name.length() + 1) / 4);
		return (best != null && bestDistance <= limit) ? best : null;
	}

	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
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
