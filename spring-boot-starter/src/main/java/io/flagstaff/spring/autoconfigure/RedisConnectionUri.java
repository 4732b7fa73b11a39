package io.flagstaff.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the Redis store's URI from the application's Redis connection: Spring Boot's
 * {@link DataRedisConnectionDetails} when there is one (which reads
 * {@code spring.data.redis.*}, or a service connection), the {@code spring.data.redis.*}
 * properties otherwise. Only a standalone Redis is supported; a sentinel, cluster or
 * master/replica connection needs an explicit {@code flagstaff.store.redis.uri}. The
 * returned URI carries the credentials: never log it.
 */
final class RedisConnectionUri {

	private static final String PREFIX = "spring.data.redis.";

	private RedisConnectionUri() {
	}

	/**
	 * Returns the URI from Spring Boot's connection details.
	 * @param details the connection details
	 * @param environment read for {@code spring.data.redis.ssl.enabled} and a
	 * {@code rediss://} url
	 * @return the URI, credentials included
	 * @throws IllegalStateException for a sentinel, cluster or master/replica connection
	 */
	static String of(DataRedisConnectionDetails details, Environment environment) {
		if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
			throw new IllegalStateException("flagstaff.store.type=redis reads the application's Redis connection "
					+ "only when it is a standalone Redis, but it is a sentinel, cluster or master/replica one: "
					+ "set flagstaff.store.redis.uri to the Redis the flags live in");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		boolean ssl = details.getSslBundle() != null
				|| environment.getProperty(PREFIX + "ssl.enabled", Boolean.class, false)
				|| usesSsl(environment.getProperty(PREFIX + "url"));
		return uri(ssl, details.getUsername(), details.getPassword(), standalone.getHost(), standalone.getPort(),
				standalone.getDatabase());
	}

	/**
	 * Returns the URI from the {@code spring.data.redis.*} properties, for applications
	 * without Spring Boot's Redis auto-configuration: {@code url} when set (with its
	 * credentials and database), otherwise {@code host}, {@code port}, {@code database},
	 * {@code username} and {@code password}; {@code ssl.enabled} in both cases.
	 * @param environment the environment
	 * @return the URI, {@code redis://localhost:6379/0} when nothing is set
	 */
	static String of(Environment environment) {
		boolean ssl = environment.getProperty(PREFIX + "ssl.enabled", Boolean.class, false);
		String url = environment.getProperty(PREFIX + "url");
		if (StringUtils.hasText(url)) {
			return (ssl && url.startsWith("redis:")) ? "rediss:" + url.substring("redis:".length()) : url;
		}
		return uri(ssl, environment.getProperty(PREFIX + "username"), environment.getProperty(PREFIX + "password"),
				environment.getProperty(PREFIX + "host", "localhost"),
				environment.getProperty(PREFIX + "port", Integer.class, 6379),
				environment.getProperty(PREFIX + "database", Integer.class, 0));
	}

	private static String uri(boolean ssl, @Nullable String username, @Nullable String password, String host, int port,
			int database) {
		String userInfo = null;
		if (password != null) {
			userInfo = (StringUtils.hasText(username) ? username : "") + ":" + password;
		}
		try {
			return new URI(ssl ? "rediss" : "redis", userInfo, host, port, "/" + database, null, null).toASCIIString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot make a Redis URI of host '" + host + "' and port " + port
					+ ": check spring.data.redis.host or set flagstaff.store.redis.uri", ex);
		}
	}

	private static boolean usesSsl(@Nullable String url) {
		return url != null && url.startsWith("rediss:");
	}

}
