package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.observation.ObservationFeatureCallRecorder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records the flags that guarded methods and strategy calls evaluate on the current
 * Micrometer observation (OpenTelemetry semantic conventions for feature flags) when
 * Micrometer Observation is on the classpath and an {@link ObservationRegistry} bean
 * exists. Without them nothing is added to the evaluation path.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ Flagstaff.class, ObservationRegistry.class })
public final class FlagstaffObservationAutoConfiguration {

	/**
	 * The recorder, one more {@code FeatureCallRecorder}.
	 * @param registry the registry
	 * @return the recorder
	 */
	@Bean
	@ConditionalOnMissingBean
	ObservationFeatureCallRecorder observationFeatureCallRecorder(ObservationRegistry registry) {
		return new ObservationFeatureCallRecorder(registry);
	}

}
