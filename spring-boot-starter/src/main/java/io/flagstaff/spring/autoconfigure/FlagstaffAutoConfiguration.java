package io.flagstaff.spring.autoconfigure;

import java.util.List;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffListener;
import io.flagstaff.spring.FeatureCallRecorder;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.FeatureScopeTaskDecorator;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.web.DefaultFeatureContextResolver;
import io.flagstaff.store.FeatureStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configures a {@link Flagstaff} over the configured {@link FeatureStore}, the
 * default {@link FeatureContextResolver}, the recorder hub and the task decorator that
 * carries the pinned scope to {@code @Async} methods. The {@link Flagstaff} is finished
 * by every {@link FlagstaffBuilderCustomizer} (the experiments auto-configuration uses
 * one to hand exposures of tracked flags to its queue). Every bean backs off when the
 * application declares its own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "flagstaff.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagstaffProperties.class)
@Import(FeatureStoreConfigurations.class)
public final class FlagstaffAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FlagstaffAutoConfiguration.class);

	/**
	 * The evaluator, closed with the context.
	 * @param store the store
	 * @param properties the properties
	 * @param environment the Spring environment, whose first active profile is the
	 * default flag environment
	 * @param listeners listeners to add
	 * @param customizers applied last, in order
	 * @return the evaluator
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Flagstaff flagstaff(FeatureStore store, FlagstaffProperties properties, Environment environment,
			ObjectProvider<FlagstaffListener> listeners, ObjectProvider<FlagstaffBuilderCustomizer> customizers) {
		FlagEnvironment flagEnvironment = FlagEnvironment.of(properties, environment);
		Flagstaff.Builder builder = Flagstaff.builder(store)
			.environment(flagEnvironment.name())
			.strict(properties.isStrict())
			.usageStatistics(properties.isUsageStatistics());
		listeners.orderedStream().forEach(builder::listener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		Flagstaff flagstaff = builder.build();
		logger.info(flagEnvironment.describe());
		logger.info("Flagstaff serves " + flagstaff.snapshot().featureKeys().size() + " flag(s) from " + store);
		return flagstaff;
	}

	/**
	 * The default context resolver: principal, then headers, then request attributes.
	 * @param properties the properties
	 * @return the resolver
	 */
	@Bean
	@ConditionalOnMissingBean(FeatureContextResolver.class)
	DefaultFeatureContextResolver featureContextResolver(FlagstaffProperties properties) {
		FlagstaffProperties.Context context = properties.getContext();
		return new DefaultFeatureContextResolver(context.getPrincipal(), context.getHeaders(),
				context.getRequestAttributes());
	}

	/**
	 * The hub handing evaluations and calls to every {@link FeatureCallRecorder}.
	 * @param recorders the recorders
	 * @return the hub
	 */
	@Bean
	@ConditionalOnMissingBean
	FeatureCalls featureCalls(ObjectProvider<FeatureCallRecorder> recorders) {
		List<FeatureCallRecorder> ordered = recorders.orderedStream().toList();
		return new FeatureCalls(ordered);
	}

	/**
	 * Carries the pinned scope to tasks of Spring Boot's executors.
	 * @return the decorator
	 */
	@Bean
	@ConditionalOnMissingBean
	FeatureScopeTaskDecorator featureScopeTaskDecorator() {
		return new FeatureScopeTaskDecorator();
	}

}
