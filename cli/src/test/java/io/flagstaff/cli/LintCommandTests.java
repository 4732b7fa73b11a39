package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flagstaff lint}: the hygiene check, with the findings and exit codes it had as
 * the core's {@code HygieneCheck}.
 */
class LintCommandTests {

	@TempDir
	Path dir;

	@Test
	void aCleanFileExitsZero() throws IOException {
		Path file = write("""
				version: 1
				features:
				  new-checkout:
				    owner: checkout-team
				    expires: 2027-03-01
				    rollout: 10
				""");
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).isEqualTo(file + ": 1 flag, 0 expired, 0 warnings\n");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void anExpiredFlagExitsOneAndIsNamed() throws IOException {
		Path file = write("""
				version: 1
				features:
				  old-banner:
				    owner: marketing
				    expires: 2026-10-31
				    rollout: 10
				  search-v2:
				    rollout: 50
				""");
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.FINDINGS);
		assertThat(run.out()).isEqualTo(file + ": 2 flags, 1 expired, 1 warning\n"
				+ "ERROR old-banner [expired] expired on 2026-10-31 (22 days ago): remove the flag and the code paths "
				+ "it guards, or move 'expires' to a later date\n"
				+ "WARN  search-v2 [no-owner] has no owner: set 'owner' to the team that will remove it\n");
	}

	@Test
	void warningsAloneExitZeroUnlessAskedToFail() throws IOException {
		Path file = write("""
				version: 1
				features:
				  search-v2:
				    rollout: 50
				""");
		assertThat(CliRun.of("lint", file.toString()).exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(CliRun.of("lint", "--fail-on-warnings", file.toString()).exitCode())
			.isEqualTo(FlagstaffCli.FINDINGS);
	}

	@Test
	void todayCanBeGivenOnTheCommandLine() throws IOException {
		Path file = write("""
				version: 1
				features:
				  promo:
				    owner: marketing
				    expires: 2026-12-24
				""");
		assertThat(CliRun.of("lint", "--today", "2026-12-24", file.toString()).exitCode())
			.isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(CliRun.of("lint", "--today=2026-12-25", file.toString()).exitCode())
			.isEqualTo(FlagstaffCli.FINDINGS);
	}

	@Test
	void aFlagServedToEveryoneInAnOldFileIsAWarning() throws IOException {
		Path file = write("""
				version: 1
				features:
				  legacy-search:
				    owner: search
				""");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-10-01T00:00:00Z")));
		CliRun run = CliRun.of("lint", "--unchanged-days", "30", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).contains("WARN  legacy-search [constant] served on to everyone, unchanged since "
				+ "2026-10-01T00:00:00Z (52 days)");
	}

	@Test
	void aLegacyFileIsCheckedToo() throws IOException {
		Path file = this.dir.resolve("features_config.json");
		Files.writeString(file, """
				{"new_dashboard": {"active": true, "percentage_rollout": 25}}
				""", StandardCharsets.UTF_8);
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).startsWith(file + ": 1 flag, 0 expired, 1 warning\n")
			.contains("WARN  new_dashboard [no-owner]");
	}

	@Test
	void theWarningsOfALegacyFileArePrintedWithTheirLegacyPath() throws IOException {
		Path file = this.dir.resolve("features_config.json");
		Files.writeString(file, """
				{"new_dashboard": {"active": true, "percentage_rolout": 25, "users": [7, null],
				  "metadata": {"owner": "ui"}}}
				""", StandardCharsets.UTF_8);
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).contains("WARN  new_dashboard.percentage_rolout [legacy] unknown key "
				+ "'percentage_rolout', ignored as the legacy system ignores it; did you mean 'percentage_rollout'?")
			.contains("WARN  new_dashboard.users[1] [legacy] is empty (null), which no context value equals; ignored");
		assertThat(CliRun.of("lint", "--fail-on-warnings", file.toString()).exitCode())
			.isEqualTo(FlagstaffCli.FINDINGS);
	}

	@Test
	void aMissingFileExitsTwo() {
		Path missing = this.dir.resolve("nope.yml");
		CliRun run = CliRun.of("lint", missing.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).startsWith(missing + ": cannot read the file (NoSuchFileException");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void anInvalidFileExitsTwoAndPrintsEveryProblem() throws IOException {
		Path file = write("""
				version: 1
				features:
				  new-checkout:
				    rollout: 150
				    enabled: maybe
				""");
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).startsWith(file + ": invalid feature configuration (2 problems)\n")
			.contains("  features.new-checkout.rollout: ")
			.contains("  features.new-checkout.enabled: ");
	}

	@Test
	void aFileThatOnlyTheCompilerRejectsExitsTwo() throws IOException {
		Path file = write("""
				version: 1
				features:
				  search-v2:
				    owner: search
				    requires: [new-checkout]
				""");
		CliRun run = CliRun.of("lint", file.toString());
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).contains("invalid feature configuration").contains("new-checkout");
	}

	@Test
	void wrongArgumentsExitTwoWithTheUsage() {
		CliRun none = CliRun.of("lint");
		assertThat(none.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(none.err()).startsWith("missing the features file to check\nusage: flagstaff lint [OPTIONS] FILE\n");
		CliRun days = CliRun.of("lint", "--unchanged-days", "soon", "f.yml");
		assertThat(days.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(days.err())
			.contains("--unchanged-days must be a whole number of days of at least 1, but was 'soon'");
		CliRun verbose = CliRun.of("lint", "--verbose", "f.yml");
		assertThat(verbose.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(verbose.err()).contains("unknown option --verbose for 'lint'");
		CliRun today = CliRun.of("lint", "--today", "tomorrow", "f.yml");
		assertThat(today.err()).contains("--today must be a date such as 2026-11-22, but was 'tomorrow'");
		CliRun two = CliRun.of("lint", "a.yml", "b.yml");
		assertThat(two.err()).startsWith("one features file to check expected, but got 'a.yml' and 'b.yml'");
	}

	@Test
	void theEntryPointExitsWithTheCodeInARealJvm() throws Exception {
		Path file = write("""
				version: 1
				features:
				  old-banner:
				    owner: marketing
				    expires: 2020-01-31
				""");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				FlagstaffCli.class.getName(), "lint", file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(1);
		assertThat(output).contains("ERROR old-banner [expired] expired on 2020-01-31");
	}

	private Path write(String content) throws IOException {
		Path file = this.dir.resolve("features.yml");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
