package io.flagstaff.spring.autoconfigure;

import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.health.AutoDisableListener;
import io.flagstaff.health.HealthGuard;
import io.flagstaff.health.KillSwitch;
import io.flagstaff.health.TrafficMonitor;
import io.flagstaff.health.TrafficSignal;
import io.flagstaff.model.Kill;
import io.flagstaff.spring.health.HealthGuardFeatureCallRecorder;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.WritableFeatureStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link HealthGuard}: guarded and routed calls feed it, and a flag
 * whose health policy is crossed is disabled through the writable store (audited with the
 * actor {@code health-guard}); the flag then serves off with reason {@code KILLED}. With
 * the default store over a {@code classpath:} location the disable is kept in memory on
 * this instance until restart (see {@code flagstaff.store.in-memory-changes}); over a
 * store that is read-only (declared by the application, or with that property false) the
 * guard only logs what it would disable. When the application declares a
 * {@link TrafficSignal}, a started {@link TrafficMonitor} also disables flags whose
 * traffic drops. Every {@link AutoDisableListener} bean is told about each automatic
 * disable.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnClass(HealthGuard.class)
@ConditionalOnBean(Flagstaff.class)
@ConditionalOnBooleanProperty(name = "flagstaff.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagstaffProperties.class)
public final class FlagstaffHealthGuardAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FlagstaffHealthGuardAutoConfiguration.class);

	/**
	 * The health guard, closed with the context.
	 * @param flagstaff the evaluator whose store the guard writes to
	 * @return the guard
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	HealthGuard healthGuard(Flagstaff flagstaff, ObjectProvider<AutoDisableListener> listeners) {
		HealthGuard.Builder builder = HealthGuard.builder(flagstaff, killSwitch(flagstaff));
		listeners.orderedStream().forEach(builder::listener);
		return builder.build();
	}

	/**
	 * The traffic monitor, when the application declares a {@link TrafficSignal}; started
	 * with the context and closed with it.
	 * @param flagstaff the evaluator whose flags are watched
	 * @param signal where traffic is read
	 * @param properties the properties
	 * @param listeners told about each automatic disable
	 * @param customizers applied last, for example to set the scheduler
	 * @return the monitor
	 */
	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBean(TrafficSignal.class)
	TrafficMonitor trafficMonitor(Flagstaff flagstaff, TrafficSignal signal, FlagstaffProperties properties,
			ObjectProvider<AutoDisableListener> listeners, ObjectProvider<TrafficMonitorCustomizer> customizers) {
		FlagstaffProperties.Traffic traffic = properties.getHealth().getTraffic();
		TrafficMonitor.Builder builder = TrafficMonitor.builder(flagstaff, killSwitch(flagstaff), signal)
			.interval(traffic.getInterval())
			.baselineSamples(traffic.getBaselineSamples());
		listeners.orderedStream().forEach(builder::listener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static KillSwitch killSwitch(Flagstaff flagstaff) {
		return (flagstaff.store() instanceof WritableFeatureStore store) ? KillSwitch.of(store)
				: new LoggingKillSwitch(flagstaff.store());
	}

	/**
	 * Feeds the guard from guarded and routed calls.
	 * @param guard the guard
	 * @return the recorder
	 */
	@Bean
	@ConditionalOnMissingBean
	HealthGuardFeatureCallRecorder healthGuardFeatureCallRecorder(HealthGuard guard) {
		return new HealthGuardFeatureCallRecorder(guard);
	}

	private static final class LoggingKillSwitch implements KillSwitch {

		private final FeatureStore store;

		LoggingKillSwitch(FeatureStore store) {
			this.store = store;
		}

		@Override
		public void disable(String feature, Kill kill) {
			logger.warn("Health guard would disable feature '" + feature + "' (" + kill.reason() + ") but the store "
					+ this.store + " is read-only: use a writable store (a file: features "
					+ "location, flagstaff.store.type=jdbc or redis, or flagstaff.store.in-memory-changes=true)");
		}

		@Override
		public void setVariantWeights(String feature, Map<String, Integer> weights, Kill kill) {
			logger.warn("Health guard would move the weights of feature '" + feature + "' to " + weights + " ("
					+ kill.reason() + ") but the store is read-only");
		}

	}

}
