package io.flagstaff.spring.autoconfigure;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.openfeature.ContextMapper;
import io.flagstaff.openfeature.ConversionTracker;
import io.flagstaff.openfeature.FlagstaffProvider;
import io.flagstaff.openfeature.ObservationHook;
import io.flagstaff.spring.openfeature.ExperimentConversions;
import io.flagstaff.spring.openfeature.FeatureScopeSource;
import io.flagstaff.spring.openfeature.OpenFeatureRegistration;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Flagstaff as an OpenFeature provider when the SDK and
 * {@code flagstaff-openfeature} are on the classpath: a {@link FlagstaffProvider} over
 * the application's {@link Flagstaff}, evaluating calls made while a request is handled
 * against the request's pinned snapshot and context, crediting {@code client.track(...)}
 * to the {@link ExperimentTracker} when there is one, registered with the
 * {@link OpenFeatureAPI} (the global instance unless the application declares its own) as
 * the default provider or for {@code flagstaff.openfeature.domain}, and a {@link Client}
 * bean bound to it, with an {@link ObservationHook} when an {@link ObservationRegistry}
 * bean exists.
 */
@AutoConfiguration(after = { FlagstaffAutoConfiguration.class, FlagstaffExperimentAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ OpenFeatureAPI.class, FlagstaffProvider.class })
@ConditionalOnBean(Flagstaff.class)
@ConditionalOnBooleanProperty(name = "flagstaff.openfeature.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagstaffOpenFeatureProperties.class)
public final class FlagstaffOpenFeatureAutoConfiguration {

	/**
	 * The provider over the application's Flagstaff (which it never closes).
	 * @param flagstaff the application's flagstaff
	 * @param conversions who receives tracking events, if anyone
	 * @param mapper the context mapping, when the application declares its own
	 * @return the provider
	 */
	@Bean
	@ConditionalOnMissingBean
	FlagstaffProvider flagstaffOpenFeatureProvider(Flagstaff flagstaff, ObjectProvider<ConversionTracker> conversions,
			ObjectProvider<ContextMapper> mapper) {
		return FlagstaffProvider.builder(flagstaff)
			.scopes(new FeatureScopeSource())
			.conversions(conversions.getIfUnique())
			.contextMapper(mapper.getIfUnique(ContextMapper::standard))
			.build();
	}

	/**
	 * The global OpenFeature API; never shut down with the context (other code may use
	 * it).
	 * @return the global instance
	 */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	OpenFeatureAPI openFeatureApi() {
		return OpenFeatureAPI.getInstance();
	}

	/**
	 * The provider's registration, undone when the context closes.
	 * @param api the API
	 * @param provider the provider
	 * @param properties the properties
	 * @return the registration
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	OpenFeatureRegistration flagstaffOpenFeatureRegistration(OpenFeatureAPI api, FlagstaffProvider provider,
			FlagstaffOpenFeatureProperties properties) {
		return new OpenFeatureRegistration(api, properties.getDomain(), provider);
	}

	/**
	 * A client bound to the provider, with the observation hook when there is one.
	 * @param registration the registration
	 * @param hook the observation hook, if any
	 * @return the client
	 */
	@Bean
	@ConditionalOnMissingBean
	Client openFeatureClient(OpenFeatureRegistration registration, ObjectProvider<ObservationHook> hook) {
		Client client = registration.client();
		hook.ifAvailable(client::addHooks);
		return client;
	}

	/**
	 * Conversions credited to experiments, with {@code flagstaff-experiments}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ExperimentTracker.class)
	static class Experiments {

		@Bean
		@ConditionalOnBean(ExperimentTracker.class)
		@ConditionalOnMissingBean(ConversionTracker.class)
		ExperimentConversions flagstaffExperimentConversions(ExperimentTracker tracker) {
			return new ExperimentConversions(tracker);
		}

	}

	/**
	 * The observation hook, with Micrometer Observation and a registry bean.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBooleanProperty(name = "flagstaff.openfeature.observations", matchIfMissing = true)
	static class Observations {

		@Bean
		@ConditionalOnBean(ObservationRegistry.class)
		@ConditionalOnMissingBean
		ObservationHook flagstaffObservationHook(ObservationRegistry registry) {
			return new ObservationHook(registry);
		}

	}

}
