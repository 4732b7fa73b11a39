package io.flagstaff.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.FeatureConflictException;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.FileFeatureStore;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;

/**
 * The stores {@code export} and {@code import} reach, named by a location: a file
 * ({@code .yml}, {@code .yaml} or {@code .json}), a JDBC URL ({@code jdbc:...}) or a
 * Redis URI ({@code redis://...}, {@code rediss://...}), with the options that say how to
 * reach them.
 */
final class Stores {

	static final Option TABLE_PREFIX = Option.valued("--table-prefix", "PREFIX",
			"JDBC only: prefix of the store's tables (default flagstaff_)");

	static final Option KEY_PREFIX = Option.valued("--key-prefix", "PREFIX",
			"Redis only: prefix of the store's keys (default flagstaff:)");

	static final Option USER = Option.valued("--user", "USER", "JDBC only: the database user");

	static final Option PASSWORD_ENV = Option.valued("--password-env", "VARIABLE",
			"JDBC only: the environment variable holding the database password");

	private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:@/]*:)[^@/]*@");

	private static final Pattern PARAMETER_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private Stores() {
	}

	/**
	 * Returns the options that say how to reach a store.
	 * @return the options
	 */
	static List<Option> options() {
		return List.of(TABLE_PREFIX, KEY_PREFIX, USER, PASSWORD_ENV);
	}

	/**
	 * Checks a store location and the options given with it, before any work.
	 * @param location the store
	 * @param arguments the options
	 * @throws UsageException when the location is no store or an option does not apply to
	 * it
	 */
	static void check(String location, Arguments arguments) {
		kind(location, arguments);
	}

	/**
	 * Reads everything a store holds, changing nothing: a JDBC store's tables are not
	 * created when missing.
	 * @param location the store
	 * @param arguments the options
	 * @param context the environment
	 * @return the flags and segments
	 * @throws UsageException when the location or an option is wrong
	 */
	static FeatureSet read(String location, Arguments arguments, CliContext context) {
		Kind kind = kind(location, arguments);
		if (kind == Kind.FILE) {
			Documents.Input input = Documents.read(location, context);
			return FeatureDocuments.parse(input.text(), input.source());
		}
		try (WritableFeatureStore store = open(kind, location, arguments, context, false)) {
			return store.load().features();
		}
		catch (FeatureStoreException ex) {
			throw failure(location, ex);
		}
	}

	/**
	 * Turns a store failure into the command's failure, naming the store.
	 * @param location the store
	 * @param ex what went wrong
	 * @return the failure, with {@link FlagstaffCli#STORE_FAILURE}
	 */
	static CommandException failure(String location, FeatureStoreException ex) {
		String advice = (ex instanceof FeatureConflictException)
				? " (the store changed meanwhile: run the command again)" : "";
		return new CommandException(FlagstaffCli.STORE_FAILURE, describe(location) + ": " + ex.getMessage() + advice);
	}

	/**
	 * Opens a store to write to; a JDBC store creates its tables when missing, a file
	 * store its file.
	 * @param location the store
	 * @param arguments the options
	 * @param context the environment
	 * @return the store, to close after use
	 * @throws UsageException when the location or an option is wrong
	 */
	static WritableFeatureStore open(String location, Arguments arguments, CliContext context) {
		return open(kind(location, arguments), location, arguments, context, true);
	}

	/**
	 * Returns a location fit for messages: passwords in it are masked.
	 * @param location the location
	 * @return the location without its passwords
	 */
	static String describe(String location) {
		String masked = URI_PASSWORD.matcher(location).replaceAll("$1***@");
		return PARAMETER_PASSWORD.matcher(masked).replaceAll("$1***");
	}

	private static WritableFeatureStore open(Kind kind, String location, Arguments arguments, CliContext context,
			boolean createSchema) {
		try {
			return switch (kind) {
				case FILE -> FileFeatureStore.builder(Path.of(location)).watch(false).build();
				case JDBC -> jdbc(location, arguments, context).createSchema(createSchema).build();
				case REDIS -> redis(location, arguments).build();
			};
		}
		catch (InvalidPathException ex) {
			throw new UsageException("'" + location + "' is not a valid path: " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(describe(location) + ": " + ex.getMessage());
		}
	}

	private static JdbcFeatureStore.Builder jdbc(String url, Arguments arguments, CliContext context) {
		String variable = arguments.value(PASSWORD_ENV.name());
		String password = null;
		if (variable != null) {
			password = context.environment().apply(variable);
			if (password == null) {
				throw new UsageException("--password-env names " + variable + ", which is not set: export it first");
			}
		}
		JdbcFeatureStore.Builder builder = JdbcFeatureStore.builder(url, arguments.value(USER.name()), password);
		String prefix = arguments.value(TABLE_PREFIX.name());
		return (prefix != null) ? builder.tablePrefix(prefix) : builder;
	}

	private static RedisFeatureStore.Builder redis(String uri, Arguments arguments) {
		RedisFeatureStore.Builder builder = RedisFeatureStore.builder(uri);
		String prefix = arguments.value(KEY_PREFIX.name());
		return (prefix != null) ? builder.keyPrefix(prefix) : builder;
	}

	private static Kind kind(String location, Arguments arguments) {
		Kind kind = kind(location);
		for (Option option : List.of(TABLE_PREFIX, USER, PASSWORD_ENV)) {
			onlyFor(Kind.JDBC, option, kind, location, arguments);
		}
		onlyFor(Kind.REDIS, KEY_PREFIX, kind, location, arguments);
		return kind;
	}

	private static void onlyFor(Kind applies, Option option, Kind kind, String location, Arguments arguments) {
		if (kind != applies && arguments.has(option.name())) {
			throw new UsageException(option.name() + " applies to " + applies.label + " stores only, and '"
					+ describe(location) + "' is a " + kind.label + " store");
		}
	}

	private static Kind kind(String location) {
		String lower = location.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:")) {
			return Kind.JDBC;
		}
		if (lower.startsWith("redis://") || lower.startsWith("rediss://") || lower.startsWith("redis-socket://")) {
			return Kind.REDIS;
		}
		if (lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json")) {
			return Kind.FILE;
		}
		throw new UsageException("'" + describe(location) + "' is not a store: give a .yml, .yaml or .json file, "
				+ "a JDBC URL (jdbc:postgresql://host/db) or a Redis URI (redis://host:6379)");
	}

	/**
	 * The kinds of store.
	 */
	private enum Kind {

		FILE("file"), JDBC("JDBC"), REDIS("Redis");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

	}

}
