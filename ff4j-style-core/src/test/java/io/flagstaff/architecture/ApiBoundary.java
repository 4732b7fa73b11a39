package io.flagstaff.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule that keeps {@code io.flagstaff.internal} out of reach of everything but the
 * core's own main code, and the import of one module's classes it is checked on. Every
 * module that depends on the core runs it through {@link ApiBoundaryContract}.
 */
public final class ApiBoundary {

	/** The package that is not API. */
	public static final String INTERNAL = "io.flagstaff.internal..";

	/**
	 * Classes outside {@code io.flagstaff.internal} must not depend on it: they reach the
	 * core through its public API only, so the internals can change without breaking
	 * them.
	 */
	public static final ArchRule ONLY_THE_CORE_USES_INTERNAL = noClasses().that()
		.resideOutsideOfPackage(INTERNAL)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(INTERNAL)
		.because("io.flagstaff.internal is not API: use the public API of flagstaff-core instead, "
				+ "or add what is missing to it");

	private ApiBoundary() {
	}

	/**
	 * Imports the classes a module compiled itself, main and test, and none of its
	 * dependencies: the build runs tests in the module's folder, where they are under
	 * {@code target/}.
	 * @param folders the folders under {@code target/} to read, such as {@code "classes"}
	 * and {@code "test-classes"}
	 * @return the classes; empty when none of the folders exists
	 */
	public static JavaClasses moduleClasses(String... folders) {
		List<Path> paths = java.util.Arrays.stream(folders)
			.map((folder) -> Path.of("target", folder))
			.filter(Files::isDirectory)
			.toList();
		return new ClassFileImporter().importPaths(paths);
	}

}
