package io.flagstaff.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The options and operands of one command line, parsed against the options a command
 * declares. Accepts {@code --name value} and {@code --name=value}; {@code --} ends the
 * options; a lone {@code -} is an operand (standard input). Immutable once parsed.
 */
final class Arguments {

	private final Map<String, @Nullable String> options;

	private final List<String> operands;

	private Arguments(Map<String, @Nullable String> options, List<String> operands) {
		this.options = options;
		this.operands = List.copyOf(operands);
	}

	/**
	 * Parses a command's arguments.
	 * @param command the command name, for messages
	 * @param args the arguments after the command name
	 * @param accepted the options the command accepts
	 * @return the parsed arguments
	 * @throws UsageException naming an unknown, repeated or incomplete option
	 */
	static Arguments parse(String command, List<String> args, List<Option> accepted) {
		Map<String, Option> byName = new LinkedHashMap<>();
		accepted.forEach((option) -> byName.put(option.name(), option));
		Map<String, @Nullable String> options = new LinkedHashMap<>();
		List<String> operands = new ArrayList<>();
		boolean optionsEnded = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
				operands.add(arg);
				continue;
			}
			if (arg.equals("--")) {
				optionsEnded = true;
				continue;
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			Option option = byName.get(name);
			if (option == null) {
				throw new UsageException("unknown option " + name + " for '" + command + "'; it accepts "
						+ byName.keySet().stream().collect(Collectors.joining(", ")));
			}
			if (options.containsKey(name)) {
				throw new UsageException(name + " is given twice; give it once");
			}
			String value = null;
			if (option.takesValue()) {
				if (equals > 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
					value = args.get(++i);
				}
				if (value == null || value.isEmpty()) {
					throw new UsageException(name + " needs a value: " + option.synopsis());
				}
			}
			else if (equals > 0) {
				throw new UsageException(name + " takes no value, but was given '" + arg.substring(equals + 1) + "'");
			}
			options.put(name, value);
		}
		return new Arguments(options, operands);
	}

	/**
	 * Returns whether a switch or option was given.
	 * @param name the option name with its dashes
	 * @return whether it was given
	 */
	boolean has(String name) {
		return this.options.containsKey(name);
	}

	/**
	 * Returns an option's value.
	 * @param name the option name with its dashes
	 * @return the value, or {@code null} when the option was not given
	 */
	@Nullable String value(String name) {
		return this.options.get(name);
	}

	/**
	 * Returns the only operand.
	 * @param what what the operand is, for the message
	 * @return the operand
	 * @throws UsageException when there is none or more than one
	 */
	String single(String what) {
		if (this.operands.isEmpty()) {
			throw new UsageException("missing the " + what);
		}
		if (this.operands.size() > 1) {
			throw new UsageException("one " + what + " expected, but got "
					+ this.operands.stream()
						.map((operand) -> "'" + operand + "'")
						.collect(Collectors.joining(" and ")));
		}
		return this.operands.get(0);
	}

	/**
	 * Requires that no operand was given.
	 * @throws UsageException when one was
	 */
	void noOperands() {
		if (!this.operands.isEmpty()) {
			throw new UsageException("unexpected argument '" + this.operands.get(0) + "'");
		}
	}

}
