package io.flagstaff.cli;

/**
 * A command that cannot go on: the message is printed to standard error and the command
 * exits with the code.
 */
final class CommandException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	CommandException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
