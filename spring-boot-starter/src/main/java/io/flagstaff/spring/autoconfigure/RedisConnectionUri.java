package io.flagstaff.spring.autoconfigure;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the Redis store's {@link RedisURI} from the application's Redis connection:
 * Spring Boot's {@link DataRedisConnectionDetails} when there is one (which reads
 * {@code spring.data.redis.*}, or a service connection), the {@code spring.data.redis.*}
 * properties otherwise. The URI is built field by field with {@link RedisURI#builder()},
 * never through a URI string, so a username or password is used exactly as given,
 * whatever characters it holds. Only a standalone Redis is supported; a sentinel, cluster
 * or master/replica connection needs an explicit {@code flagstaff.store.redis.uri}. The
 * returned URI carries the credentials: never log them.
 */
final class RedisConnectionUri {

	private static final String PREFIX = "spring.data.redis.";

	private static final String FIX = "set spring.data.redis.* to a valid standalone Redis, "
			+ "or set flagstaff.store.redis.uri to the Redis the flags live in";

	private RedisConnectionUri() {
	}

	/**
	 * Returns the URI from Spring Boot's connection details. TLS is on when the details
	 * carry an SSL bundle (for the details Spring Boot reads from properties, when
	 * {@code spring.data.redis.ssl.enabled} or {@code ssl.bundle} is set; for a service
	 * connection, when the connection provides one) or, as Spring Boot's own Lettuce
	 * connection does, when {@code spring.data.redis.url} is a {@code rediss://} URL. The
	 * {@code spring.data.redis.ssl.*} properties never switch TLS on for a service
	 * connection.
	 * @param details the connection details
	 * @param environment read for a {@code rediss://} {@code spring.data.redis.url}
	 * @return the URI, credentials included
	 * @throws IllegalStateException for a sentinel, cluster or master/replica connection,
	 * or a host, port or database Redis cannot use
	 */
	static RedisURI of(DataRedisConnectionDetails details, Environment environment) {
		if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
			throw new IllegalStateException("flagstaff.store.type=redis reads the application's Redis connection "
					+ "only when it is a standalone Redis, but it is a sentinel, cluster or master/replica one: "
					+ "set flagstaff.store.redis.uri to the Redis the flags live in");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		if (standalone == null) {
			throw new IllegalStateException("flagstaff.store.type=redis found no standalone Redis in the "
					+ "application's Redis connection: set flagstaff.store.redis.uri to the Redis the flags live in");
		}
		boolean ssl = details.getSslBundle() != null || usesSsl(environment.getProperty(PREFIX + "url"));
		return uri("the application's Redis connection", ssl, details.getUsername(), details.getPassword(),
				standalone.getHost(), standalone.getPort(), standalone.getDatabase());
	}

	/**
	 * Returns the URI from the {@code spring.data.redis.*} properties, for applications
	 * without Spring Boot's Redis auto-configuration: {@code url} when set (with its
	 * credentials and database, percent-decoded), otherwise {@code host}, {@code port},
	 * {@code database}, {@code username} and {@code password} as given. TLS is on for a
	 * {@code rediss://} url and when {@code ssl.enabled} is true (or, when it is not set,
	 * when {@code ssl.bundle} is), as Spring Boot reads them.
	 * @param environment the environment
	 * @return the URI, {@code redis://localhost:6379/0} when nothing is set
	 * @throws IllegalStateException when {@code url} is not a Redis URI, or the host,
	 * port or database is one Redis cannot use
	 */
	static RedisURI of(Environment environment) {
		Boolean sslEnabled = environment.getProperty(PREFIX + "ssl.enabled", Boolean.class);
		boolean ssl = (sslEnabled != null) ? sslEnabled
				: StringUtils.hasText(environment.getProperty(PREFIX + "ssl.bundle"));
		String url = environment.getProperty(PREFIX + "url");
		if (StringUtils.hasText(url)) {
			RedisURI parsed = parse(url);
			if (ssl && url.startsWith(RedisURI.URI_SCHEME_REDIS + ":")) {
				parsed.setSsl(true);
			}
			return parsed;
		}
		return uri("spring.data.redis.*", ssl, environment.getProperty(PREFIX + "username"),
				environment.getProperty(PREFIX + "password"), environment.getProperty(PREFIX + "host", "localhost"),
				environment.getProperty(PREFIX + "port", Integer.class, RedisURI.DEFAULT_REDIS_PORT),
				environment.getProperty(PREFIX + "database", Integer.class, 0));
	}

	private static RedisURI parse(String url) {
		try {
			return RedisURI.create(url);
		}
		catch (RuntimeException ex) {
			// No cause and no URL in the message: the URL carries the password.
			throw new IllegalStateException("spring.data.redis.url is not a valid Redis URI: write it as "
					+ "redis://[[username:]password@]host[:port][/database] with reserved characters in the "
					+ "username and password percent-encoded, or set spring.data.redis.host, port, username "
					+ "and password instead (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static RedisURI uri(String source, boolean ssl, @Nullable String username, @Nullable String password,
			@Nullable String host, int port, int database) {
		RedisURI.Builder builder;
		try {
			builder = RedisURI.builder().withHost(host).withPort(port).withDatabase(database).withSsl(ssl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " has host '" + host + "', port " + port + " and database "
					+ database + ", which Redis cannot use (" + ex.getMessage() + "): " + FIX, ex);
		}
		if (StringUtils.hasText(password)) {
			if (StringUtils.hasText(username)) {
				builder.withAuthentication(username, password);
			}
			else {
				builder.withPassword(password);
			}
		}
		return builder.build();
	}

	private static boolean usesSsl(@Nullable String url) {
		return url != null && url.startsWith(RedisURI.URI_SCHEME_REDIS_SECURE + ":");
	}

}
