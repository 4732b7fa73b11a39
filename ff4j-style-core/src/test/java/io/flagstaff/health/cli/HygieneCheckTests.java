package io.flagstaff.health.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HygieneCheckTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final HygieneCheck check = new HygieneCheck(new PrintStream(this.out, true, StandardCharsets.UTF_8),
			new PrintStream(this.err, true, StandardCharsets.UTF_8), CLOCK);

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
		assertThat(this.check.run(file.toString())).isEqualTo(HygieneCheck.CLEAN);
		assertThat(out()).isEqualTo(file + ": 1 flag, 0 expired, 0 warnings\n");
		assertThat(err()).isEmpty();
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
		assertThat(this.check.run(file.toString())).isEqualTo(HygieneCheck.FINDINGS);
		assertThat(out()).isEqualTo(file + ": 2 flags, 1 expired, 1 warning\n"
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
		assertThat(this.check.run(file.toString())).isEqualTo(HygieneCheck.CLEAN);
		assertThat(this.check.run("--fail-on-warnings", file.toString())).isEqualTo(HygieneCheck.FINDINGS);
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
		assertThat(this.check.run("--today", "2026-12-24", file.toString())).isEqualTo(HygieneCheck.CLEAN);
		assertThat(this.check.run("--today", "2026-12-25", file.toString())).isEqualTo(HygieneCheck.FINDINGS);
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
		assertThat(this.check.run("--unchanged-days", "30", file.toString())).isEqualTo(HygieneCheck.CLEAN);
		assertThat(out()).contains("WARN  legacy-search [constant] served on to everyone, unchanged since "
				+ "2026-10-01T00:00:00Z (52 days)");
	}

	@Test
	void aMissingFileExitsTwo() {
		Path missing = this.dir.resolve("nope.yml");
		assertThat(this.check.run(missing.toString())).isEqualTo(HygieneCheck.INVALID);
		assertThat(err()).startsWith(missing + ": cannot read the file (NoSuchFileException");
		assertThat(out()).isEmpty();
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
		assertThat(this.check.run(file.toString())).isEqualTo(HygieneCheck.INVALID);
		assertThat(err()).startsWith(file + ": invalid feature configuration (2 problems)\n")
			.contains("  features.new-checkout.rollout: ")
			.contains("  features.new-checkout.enabled: ");
	}

	@Test
	void wrongArgumentsExitTwoWithTheUsage() {
		assertThat(this.check.run()).isEqualTo(HygieneCheck.INVALID);
		assertThat(err()).startsWith("missing the features file to check\nusage: HygieneCheck");
		assertThat(this.check.run("--unchanged-days", "soon", "f.yml")).isEqualTo(HygieneCheck.INVALID);
		assertThat(err()).contains("--unchanged-days must be a whole number of days of at least 1, but was 'soon'");
		assertThat(this.check.run("--verbose", "f.yml")).isEqualTo(HygieneCheck.INVALID);
		assertThat(err()).contains("unknown option --verbose");
	}

	@Test
	void theMainClassExitsWithTheCodeInARealJvm() throws Exception {
		Path file = write("""
				version: 1
				features:
				  old-banner:
				    owner: marketing
				    expires: 2020-01-31
				""");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				HygieneCheck.class.getName(), file.toString())
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

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

}
