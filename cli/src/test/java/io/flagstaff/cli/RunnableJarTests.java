package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flagstaff.config.FeatureDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded {@code flagstaff-cli-<version>-all.jar}, run with {@code java -jar} as a
 * user runs it: it starts, and it reaches PostgreSQL and Redis with the drivers it
 * carries. Run by failsafe after {@code package} (the jar's path is the system property
 * {@code flagstaff.cli.jar}).
 */
class RunnableJarTests {

	@TempDir
	Path dir;

	@Test
	void theJarRunsWithJavaJarAndPrintsItsHelp() throws Exception {
		Result help = run("--help");
		assertThat(help.exitCode()).as(help.errors()).isZero();
		assertThat(help.output()).startsWith("usage: flagstaff COMMAND").contains("import-unleash");
		Result wrong = run("lint");
		assertThat(wrong.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(wrong.errors()).startsWith("missing the features file to check");
	}

	@Test
	void lintExitsOneOnAnExpiredFlag() throws Exception {
		Path file = this.dir.resolve("features.yml");
		Files.writeString(file, """
				version: 1
				features:
				  old-banner: { owner: marketing, expires: 2020-01-31 }
				""", StandardCharsets.UTF_8);
		Result lint = run("lint", file.toString());
		assertThat(lint.exitCode()).as(lint.errors()).isEqualTo(FlagstaffCli.FINDINGS);
		assertThat(lint.output()).contains("ERROR old-banner [expired] expired on 2020-01-31");
	}

	@ParameterizedTest
	@EnumSource
	void aStoreIsReachedFromTheJar(TestStores kind) throws Exception {
		kind.require();
		String prefix = kind.prefix();
		Path document = this.dir.resolve("features.yml");
		Files.writeString(document, ConvertCommandTests.NATIVE, StandardCharsets.UTF_8);
		try {
			Result imported = run(
					concat(new String[] { "import", "--to" }, kind.location(prefix), document.toString()));
			assertThat(imported.exitCode()).as(imported.errors()).isZero();
			Result exported = run(concat(new String[] { "export", "--from" }, kind.location(prefix)));
			assertThat(exported.exitCode()).as(exported.errors()).isZero();
			assertThat(FeatureDocuments.parse(exported.output(), "jar"))
				.isEqualTo(FeatureDocuments.parse(ConvertCommandTests.NATIVE, "native"));
		}
		finally {
			kind.clean(prefix);
		}
	}

	private static String[] concat(String[] first, String[] second, String... third) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		all.addAll(List.of(third));
		return all.toArray(String[]::new);
	}

	private Result run(String... args) throws IOException, InterruptedException {
		String jar = System.getProperty("flagstaff.cli.jar");
		assertThat(jar).as("system property flagstaff.cli.jar (set by failsafe)").isNotNull();
		assertThat(Path.of(jar)).exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
		command.addAll(List.of(args));
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the jar exits").isTrue();
		return new Result(process.exitValue(), output, Files.readString(err, StandardCharsets.UTF_8));
	}

	/**
	 * What one run printed.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed to standard output
	 * @param errors what it printed to standard error
	 */
	private record Result(int exitCode, String output, String errors) {
	}

}
