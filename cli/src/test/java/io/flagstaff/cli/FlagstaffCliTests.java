package io.flagstaff.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry point: help at the top and per command, usage errors with exit code 2.
 */
class FlagstaffCliTests {

	private static final String[] COMMANDS = { "lint", "convert", "import-unleash", "export", "import" };

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "help" })
	void theTopLevelHelpListsEveryCommandAndTheExitCodes(String help) {
		CliRun run = CliRun.of(help);
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).startsWith("usage: flagstaff COMMAND [OPTIONS] [ARGUMENTS]\n")
			.contains("Exit codes: 0 done; 1 lint findings, or refused to overwrite without --force; "
					+ "2 wrong arguments or invalid input; 3 a store could not be read or written.");
		for (String command : COMMANDS) {
			assertThat(run.out()).containsPattern("\n  " + command + " +\\S");
		}
	}

	@ParameterizedTest
	@CsvSource({ "lint, --today YYYY-MM-DD, FILE", "convert, --legacy-zone ZONE, FILE|-",
			"import-unleash, --output FILE, FILE|-", "export, --from STORE, ''", "import, --to STORE, FILE|-" })
	void everyCommandHasItsOwnHelp(String command, String option, String operands) {
		String usage = "usage: flagstaff " + command + " [OPTIONS]" + (operands.isEmpty() ? "" : " " + operands) + "\n";
		for (CliRun run : new CliRun[] { CliRun.of(command, "--help"), CliRun.of(command, "-h"),
				CliRun.of("help", command), CliRun.of(command, "--to", "x", "--help") }) {
			assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
			assertThat(run.out()).startsWith(usage).contains("\nOptions:\n").contains("  " + option + " ");
			assertThat(run.out()).contains("  --help ");
		}
	}

	@Test
	void theStoreCommandsListEveryStoreOption() {
		for (String command : new String[] { "export", "import" }) {
			assertThat(CliRun.of(command, "--help").out()).contains("--table-prefix PREFIX")
				.contains("--key-prefix PREFIX")
				.contains("--user USER")
				.contains("--password-env VARIABLE")
				.contains("--force");
		}
	}

	@Test
	void noArgumentsExitTwoWithTheOverview() {
		CliRun run = CliRun.of();
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).startsWith("missing the command\nusage: flagstaff COMMAND");
	}

	@Test
	void anUnknownCommandExitsTwoAndNamesTheCommands() {
		CliRun run = CliRun.of("lnt", "features.yml");
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err())
			.startsWith("unknown command 'lnt'; the commands are lint, convert, import-unleash, export, import\n");
		assertThat(CliRun.of("--verbose").err()).startsWith("unknown option --verbose;");
		assertThat(CliRun.of("help", "nope").exitCode()).isEqualTo(FlagstaffCli.INVALID);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"convert --format xml f.yml | --format must be yaml or json, but was 'xml'",
			"convert --output | --output needs a value: --output FILE",
			"convert --force=yes f.yml | --force takes no value, but was given 'yes'",
			"convert --force --force f.yml | --force is given twice; give it once",
			"convert | missing the document to convert", "export | missing --from STORE, the store to export",
			"export --from f.yml extra | unexpected argument 'extra'",
			"import f.yml | missing --to STORE, the store to import into",
			"import --to features.txt f.yml | 'features.txt' is not a store: give a .yml, .yaml or .json file",
			"export --from redis://127.0.0.1:6379 --table-prefix x_ | --table-prefix applies to JDBC stores only, "
					+ "and 'redis://127.0.0.1:6379' is a Redis store",
			"export --from f.yml --key-prefix x: | --key-prefix applies to Redis stores only, and 'f.yml' is a file store",
			"export --from jdbc:h2:mem:x --password-env FLAGSTAFF_NO_SUCH_VARIABLE | --password-env names "
					+ "FLAGSTAFF_NO_SUCH_VARIABLE, which is not set: export it first",
			"export --from jdbc:h2:mem:x --table-prefix 1bad | jdbc:h2:mem:x: tablePrefix must be letters" })
	void wrongArgumentsExitTwoWithTheMessageAndTheUsage(String line, String message) {
		String[] args = line.strip().split(" +");
		String command = args[0];
		CliRun run = CliRun.of(args);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(FlagstaffCli.INVALID);
		assertThat(run.err()).startsWith(message.strip())
			.contains("\nusage: flagstaff " + command + " [OPTIONS]")
			.endsWith("run 'flagstaff " + command + " --help' for its options\n");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void theVersionIsPrinted() {
		CliRun run = CliRun.of("--version");
		assertThat(run.exitCode()).isEqualTo(FlagstaffCli.SUCCESS);
		assertThat(run.out()).startsWith("flagstaff ");
	}

}
