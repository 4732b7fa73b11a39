package io.flagstaff.cli;

import java.util.List;

/**
 * One command of the {@code flagstaff} command line. Implementations are stateless.
 */
interface Command {

	/**
	 * Returns the name typed on the command line.
	 * @return the name, for example {@code lint}
	 */
	String name();

	/**
	 * Returns what the command does, in one line for the top-level help.
	 * @return the summary
	 */
	String summary();

	/**
	 * Returns the operands of the usage line, for example {@code FILE}.
	 * @return the operands, possibly empty
	 */
	String operands();

	/**
	 * Returns the paragraphs of the command's help, after its usage line and before its
	 * options.
	 * @return the description
	 */
	String description();

	/**
	 * Returns the options the command accepts, without {@code --help}.
	 * @return the options, in help order
	 */
	List<Option> options();

	/**
	 * Runs the command.
	 * @param arguments the parsed arguments
	 * @param context where to read and print
	 * @return the exit code
	 * @throws UsageException when the arguments are wrong
	 * @throws CommandException when the command cannot go on
	 */
	int run(Arguments arguments, CliContext context);

}
