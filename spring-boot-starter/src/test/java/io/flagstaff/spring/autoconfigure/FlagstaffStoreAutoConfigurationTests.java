package io.flagstaff.spring.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FlagstaffStoreAutoConfigurationTests {

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
	void backsOffTheJdbcStoreWhenItsModuleIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcFeatureStore.class))
			.withUserConfiguration(H2.class)
			.withPropertyValues("flagstaff.store.type=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(FeatureStore.class.getName()));
	}

	@Test
	void connectsTheRedisStoreToTheConfiguredUri() {
		assumeTrue(redisUp() || "true".equals(System.getenv("CI")), "Redis is not running on 127.0.0.1:6379");
		this.runner
			.withPropertyValues("flagstaff.store.type=redis", "flagstaff.store.redis.uri=redis://127.0.0.1:6379",
					"flagstaff.store.redis.key-prefix=starter-test-" + UUID.randomUUID() + ":")
			.run((context) -> {
				WritableFeatureStore store = (WritableFeatureStore) context.getBean(FeatureStore.class);
				assertThat(store).isInstanceOf(RedisFeatureStore.class);
				store.create(FeatureDefinition.builder("from-redis").build(), "test");
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				flagstaff.refresh();
				assertThat(flagstaff.isEnabled("from-redis")).isTrue();
			});
	}

	private static boolean redisUp() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
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
