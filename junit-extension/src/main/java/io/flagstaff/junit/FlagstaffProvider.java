package io.flagstaff.junit;

import io.flagstaff.Flagstaff;

/**
 * Supplies the default {@code Flagstaff} for tests that hold none in a field and run
 * without Spring. Register an implementation with a public no-argument constructor
 * through the JUnit configuration parameter
 * {@value FlagstaffExtension#DEFAULT_PROVIDER_PROPERTY} (for example in
 * {@code src/test/resources/junit-platform.properties}).
 *
 * <p>
 * {@link #create()} is called once per test run, on first use; the instance is shared by
 * every test that uses the default (each forcing in its own override scope) and closed
 * when the run ends.
 */
@FunctionalInterface
public interface FlagstaffProvider {

	/**
	 * Creates the default {@code Flagstaff}.
	 * @return the instance
	 */
	Flagstaff create();

}
