package io.flagstaff.spring.autoconfigure;

import java.time.Clock;
import java.time.Instant;

import io.flagstaff.Flagstaff;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.spring.actuate.FeatureStoreHealthIndicator;
import io.flagstaff.spring.actuate.FeaturesEndpoint;
import io.flagstaff.spring.actuate.ReadOnlyFeaturesEndpoint;
import io.flagstaff.spring.actuate.WritableFeaturesEndpoint;
import io.flagstaff.spring.diagnostics.ReloadProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code features} actuator endpoint (read-only unless
 * {@code flagstaff.actuator.writes-enabled=true}: writes then answer 405 naming that
 * property), whose list carries the {@link HygieneInspector}'s report when there is one,
 * and the {@code flagstaff} health indicator, which reports the reload problems while the
 * last good flags are served.
 */
@AutoConfiguration(after = { FlagstaffAutoConfiguration.class, FlagstaffHygieneAutoConfiguration.class })
@ConditionalOnBean(Flagstaff.class)
public final class FlagstaffEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = FeaturesEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(FeaturesEndpoint.class)
		@ConditionalOnBooleanProperty(name = "flagstaff.actuator.writes-enabled", havingValue = false,
				matchIfMissing = true)
		ReadOnlyFeaturesEndpoint featuresEndpoint(Flagstaff flagstaff, FlagstaffProperties properties,
				ObjectProvider<HygieneInspector> hygiene, ApplicationContext context) {
			return new ReadOnlyFeaturesEndpoint(flagstaff, properties.getActuator().getAuditLimit(), Clock.systemUTC(),
					hygiene.getIfUnique(), Instant.ofEpochMilli(context.getStartupDate()));
		}

		@Bean
		@ConditionalOnMissingBean(FeaturesEndpoint.class)
		@ConditionalOnBooleanProperty(name = "flagstaff.actuator.writes-enabled")
		WritableFeaturesEndpoint writableFeaturesEndpoint(Flagstaff flagstaff, FlagstaffProperties properties,
				ObjectProvider<HygieneInspector> hygiene, ApplicationContext context) {
			return new WritableFeaturesEndpoint(flagstaff, properties.getActuator().getAuditLimit(), Clock.systemUTC(),
					hygiene.getIfUnique(), Instant.ofEpochMilli(context.getStartupDate()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("flagstaff")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "flagstaffHealthIndicator")
		FeatureStoreHealthIndicator flagstaffHealthIndicator(Flagstaff flagstaff,
				ObjectProvider<ReloadProblems> problems) {
			return new FeatureStoreHealthIndicator(flagstaff, problems.getIfUnique());
		}

	}

}
