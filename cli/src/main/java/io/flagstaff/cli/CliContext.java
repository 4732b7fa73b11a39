package io.flagstaff.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a command reads from and prints to, so that tests can run commands in process.
 *
 * @param out standard output: documents and reports
 * @param err standard error: problems and progress
 * @param in standard input, read for the operand {@code -}
 * @param clock what time it is
 * @param environment the environment variables (for passwords named by
 * {@code --password-env})
 */
record CliContext(PrintStream out, PrintStream err, InputStream in, Clock clock,
		Function<String, @Nullable String> environment) {

	CliContext {
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(err, "err");
		Objects.requireNonNull(in, "in");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(environment, "environment");
	}

}
