package io.flagstaff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.StoreContent;
import org.jspecify.annotations.Nullable;

/**
 * Reading the document a command is given and writing the one it makes: files or the
 * standard streams, validated like the evaluator validates, never overwriting a file
 * unless asked to.
 */
final class Documents {

	/** The operand that stands for standard input. */
	static final String STDIN = "-";

	static final Option FORMAT = Option.valued("--format", "yaml|json",
			"syntax of the document written (default: from the --output extension, else yaml)");

	static final Option OUTPUT = Option.valued("--output", "FILE",
			"write the document to FILE instead of standard output");

	static final Option FORCE = Option.switchOption("--force", "overwrite the --output file when it exists");

	private Documents() {
	}

	/**
	 * Reads a command's input.
	 * @param operand a file path, or {@code -} for standard input
	 * @param context the streams
	 * @return the text, its name for messages and, for a file, when it was last modified
	 * @throws CommandException with {@link FlagstaffCli#INVALID} when it cannot be read
	 */
	static Input read(String operand, CliContext context) {
		try {
			if (operand.equals(STDIN)) {
				return new Input(new String(context.in().readAllBytes(), StandardCharsets.UTF_8), "(stdin)", null);
			}
			Path path = Path.of(operand);
			return new Input(Files.readString(path, StandardCharsets.UTF_8), operand,
					Files.getLastModifiedTime(path).toInstant());
		}
		catch (IOException | InvalidPathException ex) {
			throw new CommandException(FlagstaffCli.INVALID, operand + ": cannot read the file ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); check the path");
		}
	}

	/**
	 * Checks a set of flags as the evaluator would compile it: prerequisites, segments,
	 * cycles, variants.
	 * @param features the flags
	 * @throws io.flagstaff.config.FeatureConfigException listing every problem
	 */
	static void validate(FeatureSet features) {
		StoreContent content = new StoreContent(features, 1);
		try (Flagstaff flagstaff = Flagstaff.builder(() -> content).build()) {
			flagstaff.snapshot();
		}
	}

	/**
	 * Returns the syntax to write: {@code --format}, else the output file's extension,
	 * else YAML.
	 * @param arguments the arguments
	 * @return the syntax
	 * @throws UsageException when {@code --format} is neither {@code yaml} nor
	 * {@code json}
	 */
	static Syntax syntax(Arguments arguments) {
		String format = arguments.value(FORMAT.name());
		if (format != null) {
			return switch (format.toLowerCase(Locale.ROOT)) {
				case "yaml", "yml" -> Syntax.YAML;
				case "json" -> Syntax.JSON;
				default -> throw new UsageException("--format must be yaml or json, but was '" + format + "'");
			};
		}
		String output = arguments.value(OUTPUT.name());
		return (output != null && output.toLowerCase(Locale.ROOT).endsWith(".json")) ? Syntax.JSON : Syntax.YAML;
	}

	/**
	 * Checks the output options before any work: the syntax is known and {@code --output}
	 * is not an existing file, unless {@code --force} is given.
	 * @param arguments the arguments
	 * @throws UsageException when {@code --format} is wrong
	 * @throws CommandException with {@link FlagstaffCli#REFUSED} when the output file
	 * exists and {@code --force} is not given
	 */
	static void checkOutput(Arguments arguments) {
		syntax(arguments);
		String output = arguments.value(OUTPUT.name());
		if (output != null && !arguments.has(FORCE.name()) && exists(output)) {
			throw refusal(output);
		}
	}

	private static boolean exists(String output) {
		try {
			return Files.exists(Path.of(output));
		}
		catch (InvalidPathException ex) {
			throw new UsageException("--output '" + output + "' is not a valid path: " + ex.getMessage());
		}
	}

	private static CommandException refusal(String output) {
		return new CommandException(FlagstaffCli.REFUSED,
				output + " already exists: pass --force to overwrite it, or choose another --output");
	}

	/**
	 * Writes a set of flags as a native document, to {@code --output} or standard output.
	 * @param features the flags
	 * @param arguments the arguments ({@code --format}, {@code --output},
	 * {@code --force})
	 * @param context the streams
	 * @throws CommandException with {@link FlagstaffCli#REFUSED} when the output file
	 * exists and {@code --force} is not given, with {@link FlagstaffCli#INVALID} when it
	 * cannot be written
	 */
	static void write(FeatureSet features, Arguments arguments, CliContext context) {
		String text = FeatureDocuments.write(features, syntax(arguments));
		String output = arguments.value(OUTPUT.name());
		if (output == null) {
			context.out().print(text);
			context.out().flush();
			return;
		}
		writeFile(output, text, arguments.has(FORCE.name()));
		context.err()
			.println("wrote " + features.features().size() + " flags and " + features.segments().size()
					+ " segments to " + output);
	}

	private static void writeFile(String output, String text, boolean force) {
		try {
			Path path = Path.of(output).toAbsolutePath();
			if (Files.exists(path) && !force) {
				throw refusal(output);
			}
			Path temporary = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
			try {
				Files.writeString(temporary, text, StandardCharsets.UTF_8);
				move(temporary, path);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | InvalidPathException ex) {
			throw new CommandException(FlagstaffCli.INVALID, output + ": cannot write the file ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); check the path and its folder");
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Returns the options every command that writes a document accepts.
	 * @return {@code --format}, {@code --output}, {@code --force}
	 */
	static List<Option> outputOptions() {
		return List.of(FORMAT, OUTPUT, FORCE);
	}

	/**
	 * A document as read.
	 *
	 * @param text the text
	 * @param source its name, for messages
	 * @param modified when the file was last modified, or {@code null} for standard input
	 */
	record Input(String text, String source, @Nullable Instant modified) {
	}

}
