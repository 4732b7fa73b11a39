package io.flagstaff.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.flagstaff.store.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The shared Redis on 127.0.0.1:6379 for tests of this module and of the modules that use
 * its test-jar: a unique key prefix per test, and clean-up by prefix (never a flush:
 * other builds use the same server).
 */
public final class TestRedis {

	/** The shared server, database 0; append {@code /n} for database n. */
	public static final String URI = "redis://127.0.0.1:6379";

	private TestRedis() {
	}

	/**
	 * Skips the test when Redis is not up, or fails it under {@code CI=true}.
	 */
	public static void require() {
		TestServices.require("Redis", 6379);
	}

	/**
	 * Returns a key prefix no other test uses.
	 * @return the prefix, ending with {@code :}
	 */
	public static String uniquePrefix() {
		return "flagstaff-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
	}

	static RedisFeatureStore store(String uri, String prefix, Clock clock) {
		return RedisFeatureStore.builder(uri)
			.keyPrefix(prefix)
			.clock(clock)
			.pollInterval(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Returns the keys under a prefix.
	 * @param uri the server and database
	 * @param prefix the prefix
	 * @return the keys
	 */
	public static List<String> keys(String uri, String prefix) {
		return withCommands(uri, (commands) -> commands.keys(prefix + "*"));
	}

	/**
	 * Deletes the keys under a prefix.
	 * @param uri the server and database
	 * @param prefix the prefix
	 */
	public static void deleteKeys(String uri, String prefix) {
		withCommands(uri, (commands) -> {
			List<String> keys = commands.keys(prefix + "*");
			return keys.isEmpty() ? 0L : commands.del(keys.toArray(String[]::new));
		});
	}

	/**
	 * Runs commands on a connection of its own.
	 * @param <T> what the work returns
	 * @param uri the server and database
	 * @param work the commands
	 * @return what the work returns
	 */
	public static <T> T withCommands(String uri, Function<RedisCommands<String, String>, T> work) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return work.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}
