package io.flagstaff.spring.autoconfigure;

import io.flagstaff.ExposureListener;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.experiments.ExposureQueue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures exposure events and experiment tracking when
 * {@code flagstaff-experiments} is on the classpath: an {@link ExposureQueue} that the
 * auto-configured {@link Flagstaff} hands every evaluation of a flag marked
 * {@code track: true} to (through a {@link FlagstaffBuilderCustomizer}), an
 * {@link ExperimentTracker} that attributes conversions, and a registrar that adds every
 * {@link ExposureListener} bean of the application (the tracker, an analytics exporter)
 * to the queue, so listeners run on the queue's thread, never on the evaluating one. When
 * the application declares its own {@link Flagstaff}, it passes the queue to
 * {@link Flagstaff.Builder#exposureListener} itself.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnClass(ExposureQueue.class)
@ConditionalOnBean(Flagstaff.class)
@EnableConfigurationProperties(FlagstaffProperties.class)
@ConditionalOnBooleanProperty(name = "flagstaff.experiments.enabled", matchIfMissing = true)
public final class FlagstaffExperimentAutoConfiguration {

	/**
	 * The bounded queue between evaluating threads and exposure listeners, closed (after
	 * delivering what it holds) with the context.
	 * @param properties the properties
	 * @return the queue
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ExposureQueue exposureQueue(FlagstaffProperties properties) {
		return new ExposureQueue(properties.getExperiments().getQueueCapacity());
	}

	/**
	 * Hands the application's exposure queue, when there is exactly one, to the
	 * auto-configured {@link Flagstaff}.
	 * @param queue the queue
	 * @return the customizer
	 */
	@Bean
	@ConditionalOnMissingBean(name = "flagstaffExposureQueueCustomizer")
	FlagstaffBuilderCustomizer flagstaffExposureQueueCustomizer(ObjectProvider<ExposureQueue> queue) {
		return (builder) -> {
			ExposureQueue exposures = queue.getIfUnique();
			if (exposures != null) {
				builder.exposureListener(exposures);
			}
		};
	}

	/**
	 * The tracker that attributes conversions to the variants users were exposed to.
	 * @param flagstaff where the flags' bucketing attributes are read
	 * @param properties the properties
	 * @return the tracker
	 */
	@Bean
	@ConditionalOnMissingBean
	ExperimentTracker experimentTracker(Flagstaff flagstaff, FlagstaffProperties properties) {
		return new ExperimentTracker(flagstaff, properties.getExperiments().getMaxKeysPerFeature());
	}

	/**
	 * Adds every exposure listener bean to the queue once all singletons exist.
	 * @param queue the queue
	 * @param listeners the listener beans
	 * @return the registrar
	 */
	@Bean
	@ConditionalOnMissingBean
	ExposureListenerRegistrar exposureListenerRegistrar(ObjectProvider<ExposureQueue> queue,
			ObjectProvider<ExposureListener> listeners) {
		return new ExposureListenerRegistrar(queue, listeners);
	}

}
