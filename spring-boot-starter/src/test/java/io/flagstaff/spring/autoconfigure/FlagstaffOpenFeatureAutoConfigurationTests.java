package io.flagstaff.spring.autoconfigure;

import java.time.Duration;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.experiments.ExposureQueue;
import io.flagstaff.openfeature.FlagstaffProvider;
import io.flagstaff.openfeature.ObservationHook;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.observation.ObservationFeatureCallRecorder;
import io.flagstaff.spring.openfeature.ExperimentConversions;
import io.flagstaff.spring.openfeature.OpenFeatureRegistration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FlagstaffOpenFeatureAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffExperimentAutoConfiguration.class,
						FlagstaffOpenFeatureAutoConfiguration.class, FlagstaffObservationAutoConfiguration.class))
		.withPropertyValues("flagstaff.store.type=memory")
		.withUserConfiguration(IsolatedApi.class);

	@Test
	void registersTheProviderOverTheApplicationsFlagstaffAndExposesItsClient() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FlagstaffProvider.class).hasSingleBean(Client.class);
			OpenFeatureAPI api = context.getBean(OpenFeatureAPI.class);
			assertThat(api.getProvider()).isSameAs(context.getBean(FlagstaffProvider.class));
			Client client = context.getBean(Client.class);
			assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
			assertThat(client.getBooleanValue("new-checkout", false)).isTrue();
			assertThat(client.getBooleanDetails("advanced-search", true).getReason()).isEqualTo("DISABLED");
			assertThat(context.getBean(FlagstaffProvider.class).flagstaff()).isSameAs(context.getBean(Flagstaff.class));
		});
	}

	@Test
	void registersForAConfiguredDomainOnly() {
		this.runner.withPropertyValues("flagstaff.openfeature.domain=shop").run((context) -> {
			OpenFeatureAPI api = context.getBean(OpenFeatureAPI.class);
			assertThat(api.getProvider("shop")).isInstanceOf(FlagstaffProvider.class);
			assertThat(api.getProvider()).isInstanceOf(NoOpProvider.class);
			assertThat(context.getBean(Client.class).getMetadata().getDomain()).isEqualTo("shop");
			assertThat(context.getBean(Client.class).getBooleanValue("new-checkout", false)).isTrue();
		});
	}

	@Test
	void unregistersTheProviderWhenTheContextCloses() {
		OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
		try {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class,
						FlagstaffOpenFeatureAutoConfiguration.class))
				.withPropertyValues("flagstaff.store.type=memory")
				.withBean("openFeatureApi", OpenFeatureAPI.class, () -> api,
						(definition) -> definition.setDestroyMethodName(""))
				.run((context) -> {
					assertThat(context).hasSingleBean(OpenFeatureRegistration.class);
					assertThat(api.getProvider()).isInstanceOf(FlagstaffProvider.class);
				});
			assertThat(api.getProvider()).isInstanceOf(NoOpProvider.class);
		}
		finally {
			api.shutdown();
		}
	}

	@Test
	void theRequestsScopeIsTheContextOfCallsMadeWhileHandlingIt() {
		this.runner.run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			Client client = context.getBean(Client.class);
			assertThat(client.getBooleanValue("beta-banner", false)).isFalse();
			FeatureScope scope = FeatureScope.pin(flagstaff,
					FeatureContext.builder().attribute("region", "DE").build());
			try (FeatureScope.Opened opened = scope.open()) {
				assertThat(client.getBooleanValue("beta-banner", false)).isTrue();
				assertThat(client.getBooleanValue("beta-banner", true,
						new ImmutableContext(java.util.Map.of("region", new dev.openfeature.sdk.Value("FR")))))
					.as("the call's own context overrides the request's")
					.isFalse();
			}
		});
	}

	@Test
	void creditsTrackingEventsToTheExperimentTracker() {
		this.runner
			.withPropertyValues(
					"flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/experiments.yml")
			.run((context) -> {
				assertThat(context).hasSingleBean(ExperimentConversions.class);
				Client client = context.getBean(Client.class);
				ImmutableContext alice = new ImmutableContext("alice");
				String variant = client.getStringValue("checkout-experiment", "none", alice);
				ExposureQueue queue = context.getBean(ExposureQueue.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> queue.delivered() >= 1);
				client.track("purchase", alice);
				assertThat(context.getBean(ExperimentTracker.class)
					.results("checkout-experiment")
					.variant(variant)
					.conversions()).containsEntry("purchase", 1L);
			});
	}

	@Test
	void addsTheObservationHookAndRecorderWhenARegistryExists() {
		this.runner.withUserConfiguration(Observations.class).run((context) -> {
			assertThat(context).hasSingleBean(ObservationHook.class)
				.hasSingleBean(ObservationFeatureCallRecorder.class);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			Client client = context.getBean(Client.class);
			Observation.createNotStarted("request", registry)
				.observe(() -> client.getBooleanValue("new-checkout", false));
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("request")
				.that()
				.hasHighCardinalityKeyValue("feature_flag.key", "new-checkout")
				.hasHighCardinalityKeyValue("feature_flag.provider.name", "flagstaff");
		});
	}

	@Test
	void addsNoObservationHookWithoutARegistryOrWhenTurnedOff() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ObservationHook.class)
			.doesNotHaveBean(ObservationFeatureCallRecorder.class));
		this.runner.withUserConfiguration(Observations.class)
			.withPropertyValues("flagstaff.openfeature.observations=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationHook.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("flagstaff.openfeature.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FlagstaffProvider.class)
				.doesNotHaveBean(OpenFeatureRegistration.class)
				.doesNotHaveBean(Client.class));
	}

	@Test
	void backsOffWithoutTheSdkOrTheProviderModule() {
		this.runner.withClassLoader(new FilteredClassLoader(OpenFeatureAPI.class))
			.run((context) -> assertThat(context).hasSingleBean(Flagstaff.class)
				.doesNotHaveBean(OpenFeatureRegistration.class));
		this.runner.withClassLoader(new FilteredClassLoader("io.flagstaff.openfeature"))
			.run((context) -> assertThat(context).hasSingleBean(Flagstaff.class)
				.doesNotHaveBean(OpenFeatureRegistration.class));
	}

	@Test
	void usesTheGlobalApiUnlessTheApplicationDeclaresOne() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class,
					FlagstaffOpenFeatureAutoConfiguration.class))
			.withPropertyValues("flagstaff.store.type=memory", "flagstaff.openfeature.domain=global-api-test")
			.run((context) -> {
				assertThat(context.getBean(OpenFeatureAPI.class)).isSameAs(OpenFeatureAPI.getInstance());
				assertThat(OpenFeatureAPI.getInstance().getProvider("global-api-test"))
					.isInstanceOf(FlagstaffProvider.class);
			});
		assertThat(OpenFeatureAPI.getInstance().getProvider("global-api-test")).isInstanceOf(NoOpProvider.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class IsolatedApi {

		@Bean(destroyMethod = "shutdown")
		OpenFeatureAPI openFeatureApi() {
			return OpenFeatureAPI.createIsolated();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
