package io.flagstaff.cli;

/**
 * Wrong arguments: the command prints the message and its usage line and exits with
 * {@link FlagstaffCli#INVALID}.
 */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

}
