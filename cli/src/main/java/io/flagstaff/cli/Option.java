package io.flagstaff.cli;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One option a command accepts, as shown in its help.
 *
 * @param name the option with its dashes, for example {@code --output}
 * @param value what its value is called in the help ({@code FILE}), or {@code null} for a
 * switch that takes no value
 * @param description one line for the help
 */
record Option(String name, @Nullable String value, String description) {

	/** The help switch every command accepts. */
	static final Option HELP = switchOption("--help", "show this help and exit");

	Option {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		if (!name.startsWith("--")) {
			throw new IllegalArgumentException("option name must start with --, but was '" + name + "'");
		}
	}

	static Option switchOption(String name, String description) {
		return new Option(name, null, description);
	}

	static Option valued(String name, String value, String description) {
		return new Option(name, value, description);
	}

	boolean takesValue() {
		return this.value != null;
	}

	String synopsis() {
		return (this.value != null) ? this.name + " " + this.value : this.name;
	}

}
