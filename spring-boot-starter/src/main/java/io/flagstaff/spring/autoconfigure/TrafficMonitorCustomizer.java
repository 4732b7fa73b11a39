package io.flagstaff.spring.autoconfigure;

import io.flagstaff.health.TrafficMonitor;

/**
 * Customizes the auto-configured {@link TrafficMonitor} before it is built, for example
 * to run its rounds on the application's scheduler:
 * {@code (builder) -> builder.scheduler(myScheduledExecutor)}. Every bean of this type is
 * applied, in {@code @Order} order, after the {@code flagstaff.health.traffic.*}
 * properties.
 */
@FunctionalInterface
public interface TrafficMonitorCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(TrafficMonitor.Builder builder);

}
