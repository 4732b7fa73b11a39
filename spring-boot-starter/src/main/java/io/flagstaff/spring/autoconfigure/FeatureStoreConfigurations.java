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
		FeatureStoreConfigurations.JdbcStore.class, FeatureStoreConfigurations.RedisStore.class })
final class FeatureStoreConfigurations {

	private static final Log logger = LogFactory.getLog(FeatureStoreConfigurations.class);

	private FeatureStoreConfigurations() {
	}

	static Resource existing(ResourceLoader loader, String location) {
		Resource resource = loader.getResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException("flagstaff.features-location: " + location
					+ " does not exist: add the flag document there, point flagstaff.features-location at it, "
					+ "or declare a FeatureStore bean");
		}
		return resource;
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
			throw new UncheckedIOException("flagstaff.features-location: cannot read " + location, ex);
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
				return ResourceFeatureStore.ofClasspath(
						location.substring(ResourceFeatureStore.CLASSPATH_PREFIX.length()), loader.getClassLoader());
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
		JdbcFeatureStore flagstaffFeatureStore(FlagstaffProperties properties, ObjectProvider<DataSource> dataSource) {
			DataSource source = dataSource.getIfUnique();
			if (source == null) {
				throw new IllegalStateException("flagstaff.store.type=jdbc needs exactly one DataSource bean: "
						+ "configure spring.datasource.* or declare a FeatureStore bean");
			}
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

		static RedisFeatureStore build(FlagstaffProperties properties, Supplier<RedisURI> connection,
				ObjectProvider<ClientResources> clientResources) {
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
				return build(properties, () -> {
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
				return build(properties, () -> RedisConnectionUri.of(environment), clientResources);
			}

		}

	}

}
