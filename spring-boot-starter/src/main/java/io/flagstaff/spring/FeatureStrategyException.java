package io.flagstaff.spring;

import java.util.List;

/**
 * Thrown at startup when the strategy beans of a flag do not fit together or do not fit
 * the flag's configuration. The message names each bean at fault and what to change.
 */
public class FeatureStrategyException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Creates the exception.
	 * @param problems every problem found, each naming the bean and the fix
	 */
	public FeatureStrategyException(List<String> problems) {
		super("Flagstaff strategy beans are misconfigured:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns each problem found.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
