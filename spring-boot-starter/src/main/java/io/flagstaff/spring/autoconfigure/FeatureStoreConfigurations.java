package io.flagstaff.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.spring.FlagstaffStartupException;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FileFeatureStore;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.ResourceFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The store chosen by {@code flagstaff.store.type}: the features location (file; a
 * read-only location such as {@code classpath:} is copied into memory so that runtime
 * changes apply until restart, unless {@code flagstaff.store.in-memory-changes=false}),
 * an in-memory copy of it (memory), the JDBC store over the application's
 * {@link DataSource} (jdbc, needs {@code flagstaff-store-jdbc}) or the Redis store over
 * the application's Redis connection (redis, needs {@code flagstaff-store-redis}),
 * sharing the application's Lettuce {@link ClientResources} when it has one. Imported by
 * {@link FlagstaffAutoConfiguration}; each backs off when the application declares a
 * {@link FeatureStore}.
 */
@Import({ FeatureStoreConfigurations.FileStore.class, FeatureStoreConfigurations.MemoryStore.class,
		FeatureStoreConfigurations.JdbcStore.class, FeatureStoreConfigurations.RedisStore.class,
		FeatureStoreConfigurations.NoStore.class })
final class FeatureStoreConfigurations {

	private static final Log logger = LogFactory.getLog(FeatureStoreConfigurations.class);

	private FeatureStoreConfigurations() {
	}

	static Resource existing(ResourceLoader loader, String location) {
		return existing(loader, "flagstaff.features-location", location);
	}

	static Resource existing(ResourceLoader loader, String property, String location) {
		// a plain path names a file, as documented (a resource loader reads it from the
		// class path)
		boolean plainPath = isFile(location) && !location.startsWith("file:");
		Resource resource = loader.getResource(plainPath ? "file:" + location : location);
		if (!resource.exists()) {
			throw new FlagstaffStartupException(property + "=" + location + " names no flag document",
					"Add the flag document at " + location + ", point " + property
							+ " at it, or declare a FeatureStore bean");
		}
		return resource;
	}

	/**
	 * Says at startup that a shared store does not read the features location, when the
	 * application set one.
	 */
	static void ignoredFeaturesLocation(Environment environment, String type) {
		String location = Binder.get(environment).bind("flagstaff.features-location", String.class).orElse(null);
		if (location != null) {
			String bootstrap = Binder.get(environment)
				.bind("flagstaff.store.bootstrap-location", String.class)
				.orElse(null);
			logger.warn("flagstaff.features-location (" + location + ") is not used with flagstaff.store.type=" + type
					+ ": the flags live in the store. "
					+ ((bootstrap != null)
							? "The store is bootstrapped from " + bootstrap + " (remove "
									+ "flagstaff.features-location)."
							: "To create the flags the store lacks from that document at startup, set "
									+ "flagstaff.store.bootstrap-location=" + location + "."));
		}
	}

	static boolean isFile(String location) {
		return location.startsWith("file:") || !location.contains(":") || location.matches("^[A-Za-z]:\\\\.*");
	}

	static FeatureSet read(Resource resource, String location) {
		try (InputStream in = resource.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return FeatureDocuments.parse(text, location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the flag document " + location, ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "flagstaff.store.type", havingValue = "file", matchIfMissing = true)
	static class FileStore {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(FeatureStore.class)
		FeatureStore flagstaffFeatureStore(FlagstaffProperties properties, ResourceLoader loader) throws IOException {
			String location = properties.getFeaturesLocation();
			Resource resource = existing(loader, location);
			if (isFile(location) && resource.isFile()) {
				Path path = resource.getFile().toPath();
				return FileFeatureStore.builder(path).pollInterval(properties.getStore().getPollInterval()).build();
			}
			if (properties.getStore().isInMemoryChanges()) {
				InMemoryFeatureStore store = new InMemoryFeatureStore(read(resource, location));
				logger.info("Flagstaff reads its flags from " + location + ", which is read-only: runtime changes "
						+ "(health-guard disables, actuator writes) are kept in memory on this instance and lost "
						+ "at restart. To persist them, set flagstaff.features-location to a file: path; to share "
						+ "them between instances, set flagstaff.store.type=jdbc or redis.");
				return store;
			}
			if (location.startsWith(ResourceFeatureStore.CLASSPATH_PREFIX)) {
				ClassLoader classLoader = loader.getClassLoader();
				return ResourceFeatureStore.ofClasspath(
						location.substring(ResourceFeatureStore.CLASSPATH_PREFIX.length()),
						(classLoader != null) ? classLoader : FeatureStoreConfigurations.class.getClassLoader());
			}
			return ResourceFeatureStore.of(location);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "flagstaff.store.type", havingValue = "memory")
	static class MemoryStore {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(FeatureStore.class)
		InMemoryFeatureStore flagstaffFeatureStore(FlagstaffProperties properties, ResourceLoader loader) {
			String location = properties.getFeaturesLocation();
			return new InMemoryFeatureStore(read(existing(loader, location), location));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcFeatureStore.class)
	@ConditionalOnProperty(name = "flagstaff.store.type", havingValue = "jdbc")
	static class JdbcStore {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(FeatureStore.class)
		JdbcFeatureStore flagstaffFeatureStore(FlagstaffProperties properties, ObjectProvider<DataSource> dataSource,
				Environment environment) {
			DataSource source = dataSource.getIfUnique();
			if (source == null) {
				throw new FlagstaffStartupException("flagstaff.store.type=jdbc needs exactly one DataSource bean",
						"Configure spring.datasource.* (with spring-boot-starter-jdbc and the database's driver) or "
								+ "declare a FeatureStore bean");
			}
			ignoredFeaturesLocation(environment, "jdbc");
			FlagstaffProperties.Jdbc jdbc = properties.getStore().getJdbc();
			return JdbcFeatureStore.builder(source)
				.tablePrefix(jdbc.getTablePrefix())
				.createSchema(jdbc.isCreateSchema())
				.pollInterval(properties.getStore().getPollInterval())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisFeatureStore.class)
	@ConditionalOnProperty(name = "flagstaff.store.type", havingValue = "redis")
	static class RedisStore {

		static RedisFeatureStore build(FlagstaffProperties properties, Environment environment,
				Supplier<RedisURI> connection, ObjectProvider<ClientResources> clientResources) {
			ignoredFeaturesLocation(environment, "redis");
			FlagstaffProperties.Redis redis = properties.getStore().getRedis();
			String uri = redis.getUri();
			RedisFeatureStore.Builder builder = ((uri != null) ? RedisFeatureStore.builder(uri)
					: RedisFeatureStore.builder(connection.get()))
				.keyPrefix(redis.getKeyPrefix())
				.pollInterval(properties.getStore().getPollInterval());
			// share the application's Lettuce threads and event loops when it has them
			clientResources.ifUnique(builder::clientResources);
			return builder.build();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(DataRedisConnectionDetails.class)
		static class WithConnectionDetails {

			@Bean(destroyMethod = "close")
			@ConditionalOnMissingBean(FeatureStore.class)
			RedisFeatureStore flagstaffFeatureStore(FlagstaffProperties properties, Environment environment,
					ObjectProvider<DataRedisConnectionDetails> connectionDetails,
					ObjectProvider<ClientResources> clientResources) {
				return build(properties, environment, () -> {
					DataRedisConnectionDetails details = connectionDetails.getIfUnique();
					return (details != null) ? RedisConnectionUri.of(details, environment)
							: RedisConnectionUri.of(environment);
				}, clientResources);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnMissingClass("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails")
		static class WithProperties {

			@Bean(destroyMethod = "close")
			@ConditionalOnMissingBean(FeatureStore.class)
			RedisFeatureStore flagstaffFeatureStore(FlagstaffProperties properties, Environment environment,
					ObjectProvider<ClientResources> clientResources) {
				return build(properties, environment, () -> RedisConnectionUri.of(environment), clientResources);
			}

		}

	}

	/**
	 * Explains, when no store was configured and the application declares none, why:
	 * imported last, so that it sees every store the others registered.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NoStore {

		@Bean
		@ConditionalOnMissingBean(FeatureStore.class)
		FeatureStore flagstaffFeatureStore(Environment environment, ResourceLoader loader) {
			throw UnavailableStore.explain(environment, loader.getClassLoader());
		}

	}

}
