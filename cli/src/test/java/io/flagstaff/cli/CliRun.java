package io.flagstaff.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the exit code
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
record CliRun(int exitCode, String out, String err) {

	/** The clock of every run: 2026-11-22T10:00:00Z. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

	/**
	 * Runs the command line with empty standard input.
	 * @param args the arguments
	 * @return the run
	 */
	static CliRun of(String... args) {
		return withInput("", args);
	}

	/**
	 * Runs the command line with the given standard input.
	 * @param input the text on standard input
	 * @param args the arguments
	 * @return the run
	 */
	static CliRun withInput(String input, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new FlagstaffCli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8),
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), CLOCK)
			.run(args);
		return new CliRun(code, text(out), text(err));
	}

	private static String text(ByteArrayOutputStream bytes) {
		return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

}
