package io.flagstaff.spring.autoconfigure;

import io.flagstaff.spring.actuate.FeatureStoreHealthIndicator;
import io.flagstaff.spring.actuate.FeaturesEndpoint;
import io.flagstaff.spring.actuate.WritableFeaturesEndpoint;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.flagstaff.spring.web.FeatureDisabledExceptionHandler;
import io.flagstaff.spring.web.FeatureScopeFilter;
import io.flagstaff.spring.web.FeatureScopeWebFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class FlagstaffIntegrationAutoConfigurationTests {

	private static final AutoConfigurations ALL = AutoConfigurations.of(FlagstaffAutoConfiguration.class,
			FlagstaffAopAutoConfiguration.class, FlagstaffMetricsAutoConfiguration.class,
			FlagstaffWebMvcAutoConfiguration.class, FlagstaffWebFluxAutoConfiguration.class,
			FlagstaffEndpointAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

	@Test
	void recordsMetersWhenARegistryIsPresent() {
		this.runner.withUserConfiguration(Registry.class)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerFeatureCallRecorder.class));
	}

	@Test
	void publishesTheExposureQueueFigures() {
		this.runner.withConfiguration(AutoConfigurations.of(FlagstaffExperimentAutoConfiguration.class))
			.withUserConfiguration(Registry.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean("flagstaffExposureQueueMetrics", MeterBinder.class).bindTo(registry);
				assertThat(registry.get("flagstaff.exposures.dropped").functionCounter().count()).isZero();
				assertThat(registry.get("flagstaff.exposures.delivered").functionCounter().count()).isZero();
				assertThat(registry.get("flagstaff.exposures.pending").gauge().value()).isZero();
			});
	}

	@Test
	void recordsNoMetersWhenDisabledByProperty() {
		this.runner.withUserConfiguration(Registry.class)
			.withPropertyValues("flagstaff.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerFeatureCallRecorder.class));
	}

	@Test
	void recordsNoMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerFeatureCallRecorder.class));
	}

	@Test
	void offersAReadOnlyEndpointByDefault() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=features")
			.run((context) -> assertThat(context).hasSingleBean(FeaturesEndpoint.class)
				.doesNotHaveBean(WritableFeaturesEndpoint.class));
	}

	@Test
	void offersWritesOnlyWhenEnabledByProperty() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=features",
					"flagstaff.actuator.writes-enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(WritableFeaturesEndpoint.class));
	}

	@Test
	void offersNoEndpointWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=features")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeaturesEndpoint.class));
	}

	@Test
	void reportsTheStoreHealth() {
		this.runner.run((context) -> {
			HealthIndicator indicator = context.getBean(FeatureStoreHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			assertThat(indicator.health().getDetails()).containsEntry("features", 6);
		});
	}

	@Test
	void offersNoHealthIndicatorWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeatureStoreHealthIndicator.class));
	}

	@Test
	void pinsAScopePerServletRequestWithoutSpringSecurity() {
		new WebApplicationContextRunner().withConfiguration(ALL)
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("flagstaff.context.headers.X-Region=region")
			.run((context) -> {
				assertThat(context).hasSingleBean(FeatureScopeFilter.class)
					.hasSingleBean(FeatureDisabledExceptionHandler.class)
					.doesNotHaveBean(FeatureScopeWebFilter.class);
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
				request.addHeader("X-Region", "DE");
				boolean[] enabled = new boolean[1];
				context.getBean(FeatureScopeFilter.class)
					.doFilter(request, new MockHttpServletResponse(), (req,
							res) -> enabled[0] = io.flagstaff.spring.FeatureScope.current().isEnabled("beta-banner"));
				assertThat(enabled[0]).isTrue();
				assertThat(io.flagstaff.spring.FeatureScope.current()).isNull();
			});
	}

	@Test
	void pinsAScopePerExchangeInWebFlux() {
		new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
			.run((context) -> assertThat(context).hasSingleBean(FeatureScopeWebFilter.class)
				.hasSingleBean(FeatureDisabledExceptionHandler.class)
				.doesNotHaveBean(FeatureScopeFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
