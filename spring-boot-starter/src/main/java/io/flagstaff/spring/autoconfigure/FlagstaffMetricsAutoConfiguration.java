package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Micrometer meters {@code flagstaff.calls} and
 * {@code flagstaff.evaluations} when Micrometer and a {@link MeterRegistry} are present
 * and {@code flagstaff.metrics.enabled} is not {@code false}.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class, afterName = {
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
	public MicrometerFeatureCallRecorder micrometerFeatureCallRecorder(MeterRegistry registry) {
		return new MicrometerFeatureCallRecorder(registry);
	}

}
