package io.flagstaff.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.store.FeatureStoreException;

/**
 * The {@code flagstaff} command line, one entry point for every command:
 *
 * <ul>
 * <li>{@code lint}: the hygiene check of a features file, for CI;</li>
 * <li>{@code convert}: a document from one format to another (native YAML or JSON, legacy
 * {@code features_config.json} to native);</li>
 * <li>{@code import-unleash}: an Unleash client features export to a native
 * document;</li>
 * <li>{@code export}: the flags of a store (a file, a JDBC URL, a Redis URI) as a native
 * document;</li>
 * <li>{@code import}: the flags of a document into a store, through the store's validated
 * write path, audited as {@value #ACTOR}.</li>
 * </ul>
 * {@code flagstaff --help} lists the commands, {@code flagstaff COMMAND --help} shows a
 * command's options. Exit codes: {@link #SUCCESS}, {@link #FINDINGS} (or
 * {@link #REFUSED}), {@link #INVALID}, {@link #STORE_FAILURE}. An instance is immutable;
 * {@link #run} may be called from several threads when the streams allow it.
 */
public final class FlagstaffCli {

	/** Exit code: done. */
	public static final int SUCCESS = 0;

	/**
	 * Exit code of {@code lint}: a flag is past its expiry date (with
	 * {@code --fail-on-warnings}: anything was found).
	 */
	public static final int FINDINGS = 1;

	/**
	 * Exit code of {@code convert}, {@code import-unleash}, {@code export} and
	 * {@code import}: the command refused to overwrite a file or a flag without
	 * {@code --force}; nothing was written. The same code as {@link #FINDINGS}.
	 */
	public static final int REFUSED = 1;

	/**
	 * Exit code: wrong arguments, or an input that cannot be read or is invalid (every
	 * problem is printed).
	 */
	public static final int INVALID = 2;

	/** Exit code: a store could not be read or written. */
	public static final int STORE_FAILURE = 3;

	/** The actor the {@code import} command's writes are audited as. */
	public static final String ACTOR = "cli";

	private static final String PROGRAM = "flagstaff";

	private final CliContext context;

	private final Map<String, Command> commands = new LinkedHashMap<>();

	/**
	 * Creates a command line that prints to the given streams.
	 * @param out standard output: documents and reports
	 * @param err standard error: problems, progress and help on errors
	 * @param in standard input, read for the operand {@code -}
	 * @param clock what time it is (the hygiene check's today)
	 */
	public FlagstaffCli(PrintStream out, PrintStream err, InputStream in, Clock clock) {
		this.context = new CliContext(out, err, in, clock, System::getenv);
		for (Command command : List.of(new LintCommand(), new ConvertCommand(), new ImportUnleashCommand(),
				new ExportCommand(), new ImportCommand())) {
			this.commands.put(command.name(), command);
		}
	}

	/**
	 * Runs the command line and exits the JVM with its exit code.
	 * @param args the arguments: a command and its arguments, or {@code --help}
	 */
	public static void main(String[] args) {
		int code = new FlagstaffCli(System.out, System.err, System.in, Clock.systemUTC()).run(args);
		System.out.flush();
		System.exit(code);
	}

	/**
	 * Runs the command line.
	 * @param args the arguments: a command and its arguments, or {@code --help}
	 * @return the exit code: {@link #SUCCESS}, {@link #FINDINGS} / {@link #REFUSED},
	 * {@link #INVALID} or {@link #STORE_FAILURE}
	 */
	public int run(String... args) {
		List<String> list = Arrays.asList(Objects.requireNonNull(args, "args"));
		if (list.isEmpty()) {
			this.context.err().println("missing the command");
			this.context.err().print(overview());
			return INVALID;
		}
		String first = list.get(0);
		if (first.equals("--help") || first.equals("-h")) {
			this.context.out().print(overview());
			return SUCCESS;
		}
		if (first.equals("--version")) {
			this.context.out().println(PROGRAM + " " + version());
			return SUCCESS;
		}
		if (first.equals("help")) {
			return help(list.subList(1, list.size()));
		}
		Command command = this.commands.get(first);
		if (command == null) {
			this.context.err()
				.println((first.startsWith("-") ? "unknown option " + first : "unknown command '" + first + "'")
						+ "; the commands are " + String.join(", ", this.commands.keySet()));
			this.context.err().println("run '" + PROGRAM + " --help' for more");
			return INVALID;
		}
		List<String> rest = list.subList(1, list.size());
		if (asksForHelp(rest)) {
			this.context.out().print(help(command));
			return SUCCESS;
		}
		return run(command, rest);
	}

	private int run(Command command, List<String> args) {
		try {
			return command.run(Arguments.parse(command.name(), args, command.options()), this.context);
		}
		catch (UsageException ex) {
			this.context.err().println(ex.getMessage());
			this.context.err().println(usage(command));
			this.context.err().println("run '" + PROGRAM + " " + command.name() + " --help' for its options");
			return INVALID;
		}
		catch (CommandException ex) {
			this.context.err().println(ex.getMessage());
			return ex.exitCode();
		}
		catch (FeatureConfigException ex) {
			printProblems(ex, this.context.err());
			return INVALID;
		}
		catch (FeatureStoreException ex) {
			this.context.err().println(ex.getMessage());
			return STORE_FAILURE;
		}
	}

	/**
	 * Prints every problem of an invalid document, one per line.
	 * @param ex the exception
	 * @param err where to print
	 */
	static void printProblems(FeatureConfigException ex, PrintStream err) {
		int count = ex.getProblems().size();
		err.println(ex.getSource() + ": invalid feature configuration (" + count
				+ ((count == 1) ? " problem" : " problems") + ")");
		for (ConfigProblem problem : ex.getProblems()) {
			err.println("  " + problem);
		}
	}

	private static boolean asksForHelp(List<String> args) {
		for (String arg : args) {
			if (arg.equals("--")) {
				return false;
			}
			if (arg.equals("--help") || arg.equals("-h")) {
				return true;
			}
		}
		return false;
	}

	private int help(List<String> args) {
		if (args.isEmpty()) {
			this.context.out().print(overview());
			return SUCCESS;
		}
		Command command = this.commands.get(args.get(0));
		if (command == null || args.size() > 1) {
			this.context.err()
				.println("usage: " + PROGRAM + " help COMMAND, with COMMAND one of "
						+ String.join(", ", this.commands.keySet()));
			return INVALID;
		}
		this.context.out().print(help(command));
		return SUCCESS;
	}

	private String overview() {
		int width = this.commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
		StringBuilder text = new StringBuilder();
		text.append("usage: ").append(PROGRAM).append(" COMMAND [OPTIONS] [ARGUMENTS]\n");
		text.append("       ").append(PROGRAM).append(" --help | --version | help COMMAND\n\n");
		text.append("Commands:\n");
		this.commands.values()
			.forEach((command) -> text.append("  ")
				.append(pad(command.name(), width))
				.append(command.summary())
				.append('\n'));
		text.append("\nRun '").append(PROGRAM).append(" COMMAND --help' for a command's options.\n");
		text.append("Exit codes: 0 done; 1 lint findings, or refused to overwrite without --force; ")
			.append("2 wrong arguments or invalid input; 3 a store could not be read or written.\n");
		return text.toString();
	}

	private static String help(Command command) {
		List<Option> options = new ArrayList<>(command.options());
		options.add(Option.HELP);
		int width = options.stream().mapToInt((option) -> option.synopsis().length()).max().orElse(0) + 2;
		StringBuilder text = new StringBuilder();
		text.append(usage(command)).append("\n\n");
		text.append(command.description().strip()).append("\n\n");
		text.append("Options:\n");
		for (Option option : options) {
			text.append("  ").append(pad(option.synopsis(), width)).append(option.description()).append('\n');
		}
		return text.toString();
	}

	private static String usage(Command command) {
		String operands = command.operands().isEmpty() ? "" : " " + command.operands();
		return "usage: " + PROGRAM + " " + command.name() + " [OPTIONS]" + operands;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(1, width - text.length()));
	}

	private static String version() {
		String version = FlagstaffCli.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "(development build)";
	}

}
