package io.flagstaff.spring.autoconfigure;

import java.util.UUID;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import io.flagstaff.store.redis.TestRedis;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FlagstaffStoreAutoConfigurationTests {

	private static final String DATABASE_0 = TestRedis.URI + "/0";

	private static final String DATABASE_3 = TestRedis.URI + "/3";

	private static final String DATABASE_4 = TestRedis.URI + "/4";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffAopAutoConfiguration.class));

	@Test
	void usesTheApplicationsDataSourceForTheJdbcStore() {
		this.runner.withUserConfiguration(H2.class).withPropertyValues("flagstaff.store.type=jdbc").run((context) -> {
			WritableFeatureStore store = (WritableFeatureStore) context.getBean(FeatureStore.class);
			assertThat(store).isInstanceOf(JdbcFeatureStore.class);
			store.create(FeatureDefinition.builder("from-db").build(), "test");
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			flagstaff.refresh();
			assertThat(flagstaff.isEnabled("from-db")).isTrue();
		});
	}

	@Test
	void failsWithTheFixWhenTheJdbcStoreHasNoDataSource() {
		this.runner.withPropertyValues("flagstaff.store.type=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("flagstaff.store.type=jdbc needs exactly one DataSource bean"));
	}

	@Test
	void backsOffTheJdbcStoreWhenItsModuleIsAbsentNamingTheArtifactToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcFeatureStore.class))
			.withUserConfiguration(H2.class)
			.withPropertyValues("flagstaff.store.type=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("needs io.flagstaff:flagstaff-store-jdbc, which is not on the class path"));
	}

	@Test
	void connectsTheRedisStoreToTheConfiguredUri() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.uri=" + TestRedis.URI,
					"flagstaff.store.redis.key-prefix=" + prefix)
			.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
		assertThat(TestRedis.keys(TestRedis.URI, prefix)).isNotEmpty();
		TestRedis.deleteKeys(TestRedis.URI, prefix);
	}

	@Test
	void theRedisStoreRunsOnTheApplicationsLettuceResourcesAndLeavesThemRunning() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		ClientResources resources = ClientResources.create();
		try {
			this.runner
				.withBean("appResources", ClientResources.class, () -> resources,
						(definition) -> definition.setDestroyMethodName(""))
				.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.uri=" + TestRedis.URI,
						"flagstaff.store.redis.key-prefix=" + prefix)
				.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
			assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
			assertThat(TestRedis.keys(TestRedis.URI, prefix)).isNotEmpty();
		}
		finally {
			resources.shutdown();
			TestRedis.deleteKeys(TestRedis.URI, prefix);
		}
	}

	@Test
	void connectsTheRedisStoreThroughTheApplicationsRedisConnectionDetails() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.key-prefix=" + prefix,
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379", "spring.data.redis.database=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(DataRedisConnectionDetails.class);
				createAFlagThrough(context);
			});
		assertThat(TestRedis.keys(DATABASE_3, prefix)).isNotEmpty();
		assertThat(TestRedis.keys(DATABASE_0, prefix)).isEmpty();
		TestRedis.deleteKeys(DATABASE_3, prefix);
	}

	@Test
	void connectsTheRedisStoreToTheApplicationsRedisUrl() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.key-prefix=" + prefix,
					"spring.data.redis.url=" + DATABASE_3)
			.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
		assertThat(TestRedis.keys(DATABASE_3, prefix)).isNotEmpty();
		TestRedis.deleteKeys(DATABASE_3, prefix);
	}

	@Test
	void readsTheRedisPropertiesWithoutSpringBootsRedisModule() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner.withClassLoader(new FilteredClassLoader(DataRedisConnectionDetails.class))
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.key-prefix=" + prefix,
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.database=3")
			.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
		assertThat(TestRedis.keys(DATABASE_3, prefix)).isNotEmpty();
		TestRedis.deleteKeys(DATABASE_3, prefix);
	}

	@Test
	void prefersTheExplicitRedisUriOverTheApplicationsConnection() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.key-prefix=" + prefix,
					"flagstaff.store.redis.uri=" + DATABASE_4, "spring.data.redis.database=3")
			.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
		assertThat(TestRedis.keys(DATABASE_4, prefix)).isNotEmpty();
		assertThat(TestRedis.keys(DATABASE_3, prefix)).isEmpty();
		TestRedis.deleteKeys(DATABASE_4, prefix);
	}

	@Test
	void buildsTheRedisUriFromEveryConnectionSetting() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=redis.example", "spring.data.redis.port=6380",
					"spring.data.redis.database=5", "spring.data.redis.username=bob",
					"spring.data.redis.password=s3cret", "spring.data.redis.ssl.enabled=true")
			.run((context) -> assertUri(RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class),
					context.getEnvironment())));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=rediss://bob:s3cret@redis.example:6380/5")
			.run((context) -> assertUri(RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class),
					context.getEnvironment())));
		new ApplicationContextRunner()
			.withPropertyValues("spring.data.redis.host=redis.example", "spring.data.redis.port=6380",
					"spring.data.redis.database=5", "spring.data.redis.username=bob",
					"spring.data.redis.password=s3cret", "spring.data.redis.ssl.enabled=true")
			.run((context) -> assertUri(RedisConnectionUri.of(context.getEnvironment())));
		new ApplicationContextRunner()
			.withPropertyValues("spring.data.redis.url=rediss://bob:s3cret@redis.example:6380/5")
			.run((context) -> assertUri(RedisConnectionUri.of(context.getEnvironment())));
	}

	@Test
	void failsWithTheFixWhenTheApplicationsRedisIsACluster() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flagstaff.store.type=redis", "spring.data.redis.cluster.nodes=127.0.0.1:7000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("set flagstaff.store.redis.uri"));
	}

	@Test
	void keepsCredentialsWithReservedCharactersWhole() {
		String username = "b:o@b/%41";
		String password = "p@ss:w/rd%20é+?#";
		String[] properties = { "spring.data.redis.host=redis.example", "spring.data.redis.port=6380",
				"spring.data.redis.database=5", "spring.data.redis.username=" + username,
				"spring.data.redis.password=" + password, "spring.data.redis.ssl.enabled=true" };
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(properties)
			.run((context) -> assertUri(
					RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class), context.getEnvironment()),
					username, password, true));
		new ApplicationContextRunner().withPropertyValues(properties)
			.run((context) -> assertUri(RedisConnectionUri.of(context.getEnvironment()), username, password, true));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=redis.example", "spring.data.redis.port=6380",
					"spring.data.redis.database=5", "spring.data.redis.password=" + password)
			.run((context) -> assertUri(
					RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class), context.getEnvironment()),
					null, password, false));
	}

	@Test
	void takesTlsFromAServiceConnectionNotFromTheSslProperties() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withBean(DataRedisConnectionDetails.class, () -> new ServiceConnection("s3cret", null))
			.withPropertyValues("spring.data.redis.ssl.enabled=true", "spring.data.redis.ssl.bundle=client")
			.run((context) -> assertUri(
					RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class), context.getEnvironment()),
					"bob", "s3cret", false));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withBean(DataRedisConnectionDetails.class,
					() -> new ServiceConnection("s3cret", SslBundle.systemDefault()))
			.run((context) -> assertUri(
					RedisConnectionUri.of(context.getBean(DataRedisConnectionDetails.class), context.getEnvironment()),
					"bob", "s3cret", true));
	}

	@Test
	void connectsTheRedisStoreThroughAServiceConnectionWithoutTlsWhateverTheSslProperties() {
		TestRedis.require();
		String prefix = TestRedis.uniquePrefix();
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withBean(DataRedisConnectionDetails.class,
					() -> new ServiceConnection("127.0.0.1", 6379, 3, null, null, null))
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.key-prefix=" + prefix,
					"spring.data.redis.ssl.enabled=true")
			.run(FlagstaffStoreAutoConfigurationTests::createAFlagThrough);
		assertThat(TestRedis.keys(DATABASE_3, prefix)).isNotEmpty();
		TestRedis.deleteKeys(DATABASE_3, prefix);
	}

	@Test
	void failsWithTheFixWhenTheRedisUrlIsMalformedWithoutEchoingIt() {
		new ApplicationContextRunner()
			.withPropertyValues("spring.data.redis.url=redis://bob:pa ss@redis.example:6380/5")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> RedisConnectionUri.of(context.getEnvironment()))
				.withMessageStartingWith("spring.data.redis.url is not a valid Redis URI")
				.withMessageContaining("percent-encoded")
				.withMessageNotContaining("pa ss")
				.withNoCause());
	}

	@Test
	void failsWithTheFixWhenTheRedisPortIsOutOfRange() {
		new ApplicationContextRunner().withPropertyValues("spring.data.redis.port=70000")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> RedisConnectionUri.of(context.getEnvironment()))
				.withMessageContaining("spring.data.redis.* has host 'localhost', port 70000")
				.withMessageContaining("flagstaff.store.redis.uri"));
	}

	private static void assertUri(RedisURI uri) {
		assertUri(uri, "bob", "s3cret", true);
	}

	private static void assertUri(RedisURI uri, @Nullable String username, String password, boolean ssl) {
		assertThat(uri.getHost()).isEqualTo("redis.example");
		assertThat(uri.getPort()).isEqualTo(6380);
		assertThat(uri.getDatabase()).isEqualTo(5);
		RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
		assertThat(credentials).isNotNull();
		assertThat(credentials.getUsername()).isEqualTo(username);
		assertThat(credentials.getPassword()).isEqualTo(password.toCharArray());
		assertThat(uri.isSsl()).isEqualTo(ssl);
	}

	private static void createAFlagThrough(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		WritableFeatureStore store = (WritableFeatureStore) context.getBean(FeatureStore.class);
		assertThat(store).isInstanceOf(RedisFeatureStore.class);
		store.create(FeatureDefinition.builder("from-redis").build(), "test");
		Flagstaff flagstaff = context.getBean(Flagstaff.class);
		flagstaff.refresh();
		assertThat(flagstaff.isEnabled("from-redis")).isTrue();
	}

	/**
	 * Connection details as a Testcontainers or Docker Compose service connection
	 * provides them.
	 */
	record ServiceConnection(String host, int port, int database, @Nullable String username, @Nullable String password,
			@Nullable SslBundle sslBundle) implements DataRedisConnectionDetails {

		ServiceConnection(String password, @Nullable SslBundle sslBundle) {
			this("redis.example", 6380, 5, "bob", password, sslBundle);
		}

		@Override
		public @Nullable String getUsername() {
			return this.username;
		}

		@Override
		public @Nullable String getPassword() {
			return this.password;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

		@Override
		public Standalone getStandalone() {
			return Standalone.of(this.host, this.port, this.database);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class H2 {

		@Bean
		JdbcDataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

	}

}
