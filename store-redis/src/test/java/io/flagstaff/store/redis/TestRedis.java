package io.flagstaff.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.flagstaff.store.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The shared Redis on 127.0.0.1:6379, with a unique key prefix per test and clean-up.
 */
final class TestRedis {

	static final String URI = "redis://127.0.0.1:6379";

	private TestRedis() {
	}

	static void require() {
		TestServices.require("Redis", 6379);
	}

	static String uniquePrefix() {
		return "flagstaff-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
	}

	static RedisFeatureStore store(String uri, String prefix, Clock clock) {
		return RedisFeatureStore.builder(uri)
			.keyPrefix(prefix)
			.clock(clock)
			.pollInterval(Duration.ofSeconds(30))
			.build();
	}

	static void deleteKeys(String uri, String prefix) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				connection.sync().del(keys.toArray(String[]::new));
			}
		}
		finally {
			client.shutdown();
		}
	}

	static <T> T withCommands(String uri,
			java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> work) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return work.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}
