package io.flagstaff.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration document, or a write to a store, is invalid. Carries every
 * problem found, each with its location and fix, so a user can correct them all at once.
 * It is an {@link IllegalArgumentException}: bad input, which code that maps argument
 * errors (to an HTTP 400, for example) treats as such.
 */
public class FeatureConfigException extends IllegalArgumentException {

	private final String source;

	private final List<ConfigProblem> problems;

	/**
	 * Creates the exception.
	 * @param source what was read, for example a file path or
	 * {@code classpath:features.yml}
	 * @param problems the problems; at least one
	 */
	public FeatureConfigException(String source, List<ConfigProblem> problems) {
		super(message(source, problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("problems must not be empty");
		}
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Lists the first {@link Limits#MAX_PROBLEMS} problems and counts the others.
	 */
	private static String message(String source, List<ConfigProblem> problems) {
		int more = problems.size() - Limits.MAX_PROBLEMS;
		return "Invalid feature configuration in " + source + " (" + problems.size()
				+ ((problems.size() == 1) ? " problem" : " problems") + "):"
				+ problems.stream()
					.limit(Limits.MAX_PROBLEMS)
					.map((problem) -> "\n  - " + problem)
					.collect(Collectors.joining())
				+ ((more > 0) ? "\n  ... and " + more + " more" : "");
	}

	/**
	 * Returns what was read.
	 * @return the source description
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Returns every problem found.
	 * @return an unmodifiable list, in document order
	 */
	public List<ConfigProblem> getProblems() {
		return this.problems;
	}

}
