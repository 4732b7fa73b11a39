package io.flagstaff.config;

import java.util.Objects;

/**
 * One problem found in a configuration document: where it is and what to change.
 *
 * @param path the location, for example {@code features.new-checkout.rollout}
 * @param message what is wrong and how to fix it, for example
 * {@code must be between 0 and 100, was 150}
 */
public record ConfigProblem(String path, String message) {

	public ConfigProblem {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String toString() {
		return this.path + ": " + this.message;
	}

}
