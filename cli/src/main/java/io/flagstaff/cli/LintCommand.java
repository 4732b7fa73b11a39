package io.flagstaff.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.LegacyOptions;
import io.flagstaff.config.ParsedDocument;
import io.flagstaff.hygiene.HygieneFinding;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.hygiene.HygieneReport;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code flagstaff lint}: the hygiene check of a features file, for CI builds. Reads the
 * file (native JSON/YAML or legacy), validates it as the evaluator would, prints a
 * {@link HygieneReport} and exits with {@link FlagstaffCli#SUCCESS} when no flag is
 * expired (other findings are warnings), {@link FlagstaffCli#FINDINGS} when one is (or,
 * with {@code --fail-on-warnings}, when anything was found), {@link FlagstaffCli#INVALID}
 * when the file cannot be read or is invalid. A file has no usage figures, so flags are
 * never reported as not evaluated; the file's last-modified time stands for the last
 * change of every flag in it.
 */
final class LintCommand implements Command {

	private static final Option TODAY = Option.valued("--today", "YYYY-MM-DD",
			"the date to judge expiry by (default: today, UTC)");

	private static final Option UNCHANGED_DAYS = Option.valued("--unchanged-days", "N",
			"report a flag served the same to everyone when the file is N days old (default 30)");

	private static final Option FAIL_ON_WARNINGS = Option.switchOption("--fail-on-warnings",
			"exit 1 on any finding, not only on expired flags");

	@Override
	public String name() {
		return "lint";
	}

	@Override
	public String summary() {
		return "check a features file for expired, ownerless, constant flags and missing prerequisites";
	}

	@Override
	public String operands() {
		return "FILE";
	}

	@Override
	public String description() {
		return """
				Reads FILE (native YAML/JSON or legacy features_config.json), validates it as the evaluator
				would and prints one line per finding. Exit code 0: no flag is expired (other findings are
				printed as WARN lines); 1: a flag is past its 'expires' date (with --fail-on-warnings: any
				finding); 2: the file cannot be read or is invalid (every problem is printed).
				A file has no usage figures, so flags are never reported as not evaluated; its last-modified
				time stands for the last change of every flag in it. A legacy file's warnings (an unknown
				key, a null user...) are printed as WARN lines with their legacy path.""";
	}

	@Override
	public List<Option> options() {
		return List.of(TODAY, UNCHANGED_DAYS, FAIL_ON_WARNINGS);
	}

	@Override
	public int run(Arguments arguments, CliContext context) {
		Clock clock = today(arguments.value(TODAY.name()), context.clock());
		Duration unchangedFor = days(arguments.value(UNCHANGED_DAYS.name()));
		String file = arguments.single("features file to check");
		Documents.Input input = Documents.read(file, context);
		ParsedDocument document = FeatureDocuments.read(input.text(), input.source(), LegacyOptions.DEFAULTS);
		FeatureSet features = document.features();
		Documents.validate(features);
		HygieneInspector.Builder inspector = HygieneInspector.builder().clock(clock).unchangedFor(unchangedFor);
		Instant modified = input.modified();
		if (modified != null) {
			inspector.lastChanged((feature) -> modified);
		}
		HygieneReport report = inspector.build().inspect(features);
		print(input.source(), report, context);
		for (ConfigProblem warning : document.warnings()) {
			context.out().println("WARN  " + warning.path() + " [legacy] " + warning.message());
		}
		boolean warned = !report.isClean() || !document.warnings().isEmpty();
		boolean fail = report.hasExpired() || (arguments.has(FAIL_ON_WARNINGS.name()) && warned);
		return fail ? FlagstaffCli.FINDINGS : FlagstaffCli.SUCCESS;
	}

	private static void print(String file, HygieneReport report, CliContext context) {
		long expired = report.findings(HygieneFinding.Kind.EXPIRED).size();
		long warnings = report.findings().size() - expired;
		context.out()
			.println(file + ": " + report.featureCount() + ((report.featureCount() == 1) ? " flag, " : " flags, ")
					+ expired + " expired, " + warnings + ((warnings == 1) ? " warning" : " warnings"));
		for (HygieneFinding finding : report.findings()) {
			context.out()
				.println((finding.isError() ? "ERROR " : "WARN  ") + finding.feature() + " ["
						+ finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "] " + finding.message());
		}
	}

	private static Clock today(@Nullable String value, Clock clock) {
		if (value == null) {
			return clock;
		}
		try {
			return Clock.fixed(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("--today must be a date such as 2026-11-22, but was '" + value + "'");
		}
	}

	private static Duration days(@Nullable String value) {
		if (value == null) {
			return HygieneInspector.DEFAULT_PERIOD;
		}
		try {
			int days = Integer.parseInt(value);
			if (days >= 1) {
				return Duration.ofDays(days);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(
				"--unchanged-days must be a whole number of days of at least 1, but was '" + value + "'");
	}

}
