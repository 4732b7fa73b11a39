package io.flagstaff.internal;

import org.jspecify.annotations.Nullable;

/**
 * A semantic version (semver 2.0.0): {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, an
 * optional leading {@code v} accepted. Ordered by precedence: build metadata is ignored,
 * a pre-release is lower than its release, pre-release identifiers compare numerically
 * when numeric and in ASCII order otherwise, numeric below alphanumeric, and a shorter
 * list is lower when all else is equal. Immutable.
 */
final class Semver implements Comparable<Semver> {

	private final long major;

	private final long minor;

	private final long patch;

	private final String[] preRelease;

	private Semver(long major, long minor, long patch, String[] preRelease) {
		this.major = major;
		this.minor = minor;
		this.patch = patch;
		this.preRelease = preRelease;
	}

	/**
	 * Parses a version.
	 * @param text the text
	 * @return the version, or {@code null} when the text is not a semantic version
	 */
	static @Nullable Semver parse(String text) {
		String version = text.trim();
		if (version.startsWith("v") || version.startsWith("V")) {
			version = version.substring(1);
		}
		int plus = version.indexOf('+');
		if (plus >= 0) {
			if (!validIdentifiers(version.substring(plus + 1), false)) {
				return null;
			}
			version = version.substring(0, plus);
		}
		String[] preRelease = new String[0];
		int dash = version.indexOf('-');
		if (dash >= 0) {
			String pre = version.substring(dash + 1);
			if (!validIdentifiers(pre, true)) {
				return null;
			}
			preRelease = pre.split("\\.");
			version = version.substring(0, dash);
		}
		String[] core = version.split("\\.", -1);
		if (core.length != 3) {
			return null;
		}
		long[] numbers = new long[3];
		for (int i = 0; i < 3; i++) {
			if (!isNumber(core[i]) || (core[i].length() > 1 && core[i].charAt(0) == '0') || core[i].length() > 18) {
				return null;
			}
			numbers[i] = Long.parseLong(core[i]);
		}
		return new Semver(numbers[0], numbers[1], numbers[2], preRelease);
	}

	private static boolean validIdentifiers(String identifiers, boolean noLeadingZeros) {
		if (identifiers.isEmpty()) {
			return false;
		}
		for (String identifier : identifiers.split("\\.", -1)) {
			if (identifier.isEmpty()) {
				return false;
			}
			for (int i = 0; i < identifier.length(); i++) {
				char c = identifier.charAt(i);
				if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
					return false;
				}
			}
			if (noLeadingZeros && isNumber(identifier) && identifier.length() > 1 && identifier.charAt(0) == '0') {
				return false;
			}
		}
		return true;
	}

	private static boolean isNumber(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	@Override
	public int compareTo(Semver other) {
		int result = Long.compare(this.major, other.major);
		if (result == 0) {
			result = Long.compare(this.minor, other.minor);
		}
		if (result == 0) {
			result = Long.compare(this.patch, other.patch);
		}
		return (result != 0) ? result : comparePreRelease(this.preRelease, other.preRelease);
	}

	private static int comparePreRelease(String[] left, String[] right) {
		if (left.length == 0 || right.length == 0) {
			return Integer.compare(right.length, left.length);
		}
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int result = compareIdentifier(left[i], right[i]);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	private static int compareIdentifier(String left, String right) {
		boolean leftNumeric = isNumber(left);
		boolean rightNumeric = isNumber(right);
		if (leftNumeric && rightNumeric) {
			int byLength = Integer.compare(left.length(), right.length());
			return (byLength != 0) ? byLength : left.compareTo(right);
		}
		if (leftNumeric != rightNumeric) {
			return leftNumeric ? -1 : 1;
		}
		return left.compareTo(right);
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return obj instanceof Semver other && compareTo(other) == 0;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.major * 31 * 31 + this.minor * 31 + this.patch);
	}

}
