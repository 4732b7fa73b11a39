package io.flagstaff.health.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.flagstaff.Flagstaff;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.hygiene.HygieneFinding;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.hygiene.HygieneReport;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.StoreContent;
import org.jspecify.annotations.Nullable;

/**
 * The command-line hygiene check, for CI builds: reads a features file (native JSON/YAML
 * or legacy), validates it as the evaluator would, prints a {@link HygieneReport} and
 * exits
 *
 * <ul>
 * <li>{@code 0} when no flag is expired (other findings are printed as warnings),</li>
 * <li>{@code 1} when some flag is past its {@code expires} date (or, with
 * {@code --fail-on-warnings}, when anything was found),</li>
 * <li>{@code 2} when the file cannot be read or is invalid (every problem is printed), or
 * the arguments are wrong.</li>
 * </ul>
 * Usage:
 * {@code HygieneCheck [--today YYYY-MM-DD] [--unchanged-days N] [--fail-on-warnings] FILE}.
 * A file has no usage figures, so flags are never reported as not evaluated; the file's
 * last-modified time stands for the last change of every flag in it.
 */
public final class HygieneCheck {

	/** Exit code: no expired flag. */
	public static final int CLEAN = 0;

	/** Exit code: an expired flag (or any finding with {@code --fail-on-warnings}). */
	public static final int FINDINGS = 1;

	/** Exit code: unreadable or invalid file, or wrong arguments. */
	public static final int INVALID = 2;

	private static final String USAGE = "usage: HygieneCheck [--today YYYY-MM-DD] [--unchanged-days N] "
			+ "[--fail-on-warnings] FILE";

	private final PrintStream out;

	private final PrintStream err;

	private final Clock clock;

	/**
	 * Creates a check that prints to the given streams.
	 * @param out receives the report
	 * @param err receives problems with the file or the arguments
	 * @param clock says what today is, unless {@code --today} is given
	 */
	public HygieneCheck(PrintStream out, PrintStream err, Clock clock) {
		this.out = out;
		this.err = err;
		this.clock = clock;
	}

	/**
	 * Runs the check and exits the JVM with its code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		int code = new HygieneCheck(System.out, System.err, Clock.systemUTC()).run(args);
		System.out.flush();
		System.exit(code);
	}

	/**
	 * Runs the check.
	 * @param args the arguments
	 * @return the exit code: {@link #CLEAN}, {@link #FINDINGS} or {@link #INVALID}
	 */
	public int run(String... args) {
		Options options;
		try {
			options = Options.parse(args, this.clock);
		}
		catch (IllegalArgumentException ex) {
			this.err.println(ex.getMessage());
			this.err.println(USAGE);
			return INVALID;
		}
		Path path;
		String text;
		Instant modified;
		try {
			path = Path.of(options.file);
			text = Files.readString(path, StandardCharsets.UTF_8);
			modified = Files.getLastModifiedTime(path).toInstant();
		}
		catch (IOException | InvalidPathException ex) {
			this.err.println(options.file + ": cannot read the file (" + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage() + "); check the path passed to the hygiene check");
			return INVALID;
		}
		FeatureSet features;
		try {
			features = FeatureDocuments.parse(text, options.file);
			compile(features);
		}
		catch (FeatureConfigException ex) {
			this.err.println(options.file + ": invalid feature configuration (" + ex.getProblems().size()
					+ ((ex.getProblems().size() == 1) ? " problem" : " problems") + ")");
			for (ConfigProblem problem : ex.getProblems()) {
				this.err.println("  " + problem);
			}
			return INVALID;
		}
		HygieneReport report = HygieneInspector.builder()
			.clock(options.clock)
			.unchangedFor(options.unchangedFor)
			.lastChanged((feature) -> modified)
			.build()
			.inspect(features);
		print(options.file, report);
		boolean fail = report.hasExpired() || (options.failOnWarnings && !report.isClean());
		return fail ? FINDINGS : CLEAN;
	}

	private static void compile(FeatureSet features) {
		StoreContent content = new StoreContent(features, 1);
		try (Flagstaff flagstaff = Flagstaff.builder(() -> content).build()) {
			flagstaff.snapshot();
		}
	}

	private void print(String file, HygieneReport report) {
		long expired = report.findings(HygieneFinding.Kind.EXPIRED).size();
		long warnings = report.findings().size() - expired;
		this.out.println(file + ": " + report.featureCount() + ((report.featureCount() == 1) ? " flag, " : " flags, ")
				+ expired + " expired, " + warnings + ((warnings == 1) ? " warning" : " warnings"));
		for (HygieneFinding finding : report.findings()) {
			this.out.println((finding.isError() ? "ERROR " : "WARN  ") + finding.feature() + " ["
					+ finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "] " + finding.message());
		}
	}

	/**
	 * The parsed arguments.
	 */
	private static final class Options {

		private @Nullable String fileArgument;

		private String file = "";

		private Clock clock;

		private Duration unchangedFor = HygieneInspector.DEFAULT_PERIOD;

		private boolean failOnWarnings;

		private Options(Clock clock) {
			this.clock = clock;
		}

		static Options parse(String[] args, Clock clock) {
			Options options = new Options(clock);
			List<String> list = List.of(args);
			for (int i = 0; i < list.size(); i++) {
				String arg = list.get(i);
				switch (arg) {
					case "--today" -> options.clock = today(value(list, ++i, arg));
					case "--unchanged-days" -> options.unchangedFor = days(value(list, ++i, arg));
					case "--fail-on-warnings" -> options.failOnWarnings = true;
					default -> {
						if (arg.startsWith("--")) {
							throw new IllegalArgumentException("unknown option " + arg);
						}
						if (options.fileArgument != null) {
							throw new IllegalArgumentException("one features file expected, but got '"
									+ options.fileArgument + "' and '" + arg + "'");
						}
						options.fileArgument = arg;
					}
				}
			}
			if (options.fileArgument == null) {
				throw new IllegalArgumentException("missing the features file to check");
			}
			options.file = options.fileArgument;
			return options;
		}

		private static String value(List<String> args, int index, String option) {
			if (index >= args.size()) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args.get(index);
		}

		private static Clock today(String value) {
			try {
				return Clock.fixed(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"--today must be a date such as 2026-11-22, but was '" + value + "'");
			}
		}

		private static Duration days(String value) {
			try {
				int days = Integer.parseInt(value);
				if (days < 1) {
					throw new NumberFormatException();
				}
				return Duration.ofDays(days);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"--unchanged-days must be a whole number of days of at least 1, but was '" + value + "'");
			}
		}

	}

}
