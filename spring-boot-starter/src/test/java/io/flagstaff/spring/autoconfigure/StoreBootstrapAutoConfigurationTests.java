package io.flagstaff.spring.autoconfigure;

import java.util.UUID;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.spring.FlagstaffStartupException;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.StoreBootstrap;
import io.flagstaff.store.WritableFeatureStore;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap of writable stores from {@code flagstaff.store.bootstrap-location}, on
 * the JDBC store over H2 (the concurrent start of many instances runs on PostgreSQL,
 * MariaDB and Redis in the store modules and the sample shop).
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreBootstrapAutoConfigurationTests {

	private static final String DOCUMENT = "classpath:io/flagstaff/spring/bootstrap/features.yml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffDiagnosticsAutoConfiguration.class))
		.withPropertyValues("flagstaff.store.type=jdbc");

	@Test
	void theStoreHoldsTheDocumentsFlagsBeforeTheFirstSnapshotIsServed(CapturedOutput output) {
		this.runner.withUserConfiguration(Database.class)
			.withPropertyValues("flagstaff.store.bootstrap-location=" + DOCUMENT)
			.run((context) -> {
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				assertThat(flagstaff.snapshot().version()).isOne();
				assertThat(flagstaff.snapshot().featureKeys()).containsExactlyInAnyOrder("eu-banner", "new-checkout");
				assertThat(flagstaff.isEnabled("eu-banner", FeatureContext.builder().attribute("region", "DE").build()))
					.isTrue();
				WritableFeatureStore store = context.getBean(JdbcFeatureStore.class);
				assertThat(store.audit(10)).extracting(AuditEntry::actor).containsOnly(StoreBootstrap.ACTOR);
				assertThat(store.audit(10)).extracting(AuditEntry::action)
					.containsExactlyInAnyOrder(AuditAction.PUT_SEGMENT, AuditAction.CREATE, AuditAction.CREATE);
			});
		assertThat(output).contains("Flagstaff bootstrapped JDBC store")
			.contains("created 2 flag(s)")
			.contains("Flagstaff serves 2 flag(s) from JDBC store");
	}

	@Test
	void missingLeavesAFlagTheStoreHoldsAsItIs() {
		this.runner.withUserConfiguration(Database.class, Changed.class)
			.withPropertyValues("flagstaff.store.bootstrap-location=" + DOCUMENT)
			.run((context) -> {
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				assertThat(flagstaff.isEnabled("new-checkout", FeatureContext.ofUser("u-1")))
					.as("switched off at runtime")
					.isFalse();
				assertThat(flagstaff.snapshot().featureKeys()).contains("eu-banner");
			});
	}

	@Test
	void noneAndIfEmptyLeaveAStoreThatHoldsFlagsAlone() {
		for (String mode : new String[] { "none", "if-empty" }) {
			this.runner.withUserConfiguration(Database.class, Changed.class)
				.withPropertyValues("flagstaff.store.bootstrap-location=" + DOCUMENT,
						"flagstaff.store.bootstrap-mode=" + mode)
				.run((context) -> assertThat(context.getBean(Flagstaff.class).snapshot().featureKeys()).as(mode)
					.containsExactly("new-checkout"));
		}
	}

	@Test
	void anyWritableStoreBeanIsBootstrapped() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class,
					FlagstaffDiagnosticsAutoConfiguration.class))
			.withBean(FeatureStore.class, InMemoryFeatureStore::new)
			.withPropertyValues("flagstaff.store.bootstrap-location=" + DOCUMENT)
			.run((context) -> assertThat(context.getBean(Flagstaff.class).snapshot().featureKeys())
				.containsExactlyInAnyOrder("eu-banner", "new-checkout"));
	}

	@Test
	void aMissingBootstrapDocumentFailsStartupNamingTheProperty() {
		this.runner.withUserConfiguration(Database.class)
			.withPropertyValues("flagstaff.store.bootstrap-location=classpath:nowhere.yml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FlagstaffStartupException.class)
				.hasMessageContaining(
						"flagstaff.store.bootstrap-location=classpath:nowhere.yml names no flag " + "document"));
	}

	@Test
	void anExplicitFeaturesLocationIsSaidToBeUnusedByASharedStore(CapturedOutput output) {
		this.runner.withUserConfiguration(Database.class)
			.withPropertyValues("flagstaff.features-location=classpath:features.yml")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("flagstaff.features-location (classpath:features.yml) is not used with "
				+ "flagstaff.store.type=jdbc: the flags live in the store. To create the flags the store lacks from "
				+ "that document at startup, set flagstaff.store.bootstrap-location=classpath:features.yml.");
	}

	@Configuration(proxyBeanMethods = false)
	static class Database {

		@Bean
		JdbcDataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:bootstrap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

	}

	/**
	 * Stores {@code new-checkout}, switched off, before the bootstrap runs (as an earlier
	 * deployment and an operator would have).
	 */
	@Configuration(proxyBeanMethods = false)
	static class Changed {

		@Bean
		static org.springframework.beans.factory.config.BeanPostProcessor earlierDeployment() {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {

				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof JdbcFeatureStore store && store.feature("new-checkout") == null) {
						store.create(FeatureDefinition.builder("new-checkout").enabled(false).build(), "alice");
					}
					return bean;
				}

			};
		}

	}

}
