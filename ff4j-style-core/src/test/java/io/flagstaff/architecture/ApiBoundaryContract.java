package io.flagstaff.architecture;

import org.junit.jupiter.api.Test;

/**
 * Checks that a module reaches the core through its public API only. A module that
 * depends on the core runs it with one class:
 *
 * <pre class="code">
 * class ApiBoundaryTests extends ApiBoundaryContract {
 * }
 * </pre>
 *
 * The check fails when the module's classes cannot be found, so it cannot pass by
 * checking nothing.
 */
public abstract class ApiBoundaryContract {

	@Test
	void classesOfThisModuleUseOnlyThePublicApiOfTheCore() {
		ApiBoundary.ONLY_THE_CORE_USES_INTERNAL.check(ApiBoundary.moduleClasses("classes", "test-classes"));
	}

}
