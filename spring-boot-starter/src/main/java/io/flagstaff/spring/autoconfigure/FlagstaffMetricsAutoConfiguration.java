package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExposureQueue;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the Micrometer meters {@code flagstaff.calls} and
 * {@code flagstaff.evaluations} when Micrometer and a {@link MeterRegistry} are present
 * and {@code flagstaff.metrics.enabled} is not {@code false}, and, with
 * {@code flagstaff-experiments}, the {@code flagstaff.exposures.*} meters of the
 * {@link ExposureQueue}.
 */
@AutoConfiguration(after = { FlagstaffAutoConfiguration.class, FlagstaffExperimentAutoConfiguration.class },
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Flagstaff.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "flagstaff.metrics.enabled", matchIfMissing = true)
public final class FlagstaffMetricsAutoConfiguration {

	/**
	 * The recorder that feeds the meters.
	 * @param registry the registry
	 * @return the recorder
	 */
	@Bean
	@ConditionalOnMissingBean
	MicrometerFeatureCallRecorder micrometerFeatureCallRecorder(MeterRegistry registry) {
		return new MicrometerFeatureCallRecorder(registry);
	}

	/**
	 * The meters of the exposure queue, only when {@code flagstaff-experiments} is
	 * present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ExposureQueue.class)
	static class ExposureQueueMetrics {

		/**
		 * Publishes the exposure queue's figures: {@code flagstaff.exposures.delivered}
		 * and {@code flagstaff.exposures.dropped} (function counters) and
		 * {@code flagstaff.exposures.pending} (gauge).
		 * @param queue the queue
		 * @return the binder, applied to every registry
		 */
		@Bean
		@ConditionalOnBean(ExposureQueue.class)
		@ConditionalOnMissingBean(name = "flagstaffExposureQueueMetrics")
		MeterBinder flagstaffExposureQueueMetrics(ExposureQueue queue) {
			return (registry) -> {
				FunctionCounter.builder("flagstaff.exposures.delivered", queue, ExposureQueue::delivered)
					.description("Exposures of tracked flags handed to the exposure listeners")
					.register(registry);
				FunctionCounter.builder("flagstaff.exposures.dropped", queue, ExposureQueue::dropped)
					.description("Exposures of tracked flags dropped because the exposure queue was full")
					.register(registry);
				Gauge.builder("flagstaff.exposures.pending", queue, ExposureQueue::pending)
					.description("Exposures waiting for delivery")
					.register(registry);
			};
		}

	}

}
