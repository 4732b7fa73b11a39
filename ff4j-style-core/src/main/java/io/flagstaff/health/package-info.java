/**
 * Keeping flags healthy: the {@link io.flagstaff.health.HealthGuard} automatic kill
 * switch, the {@link io.flagstaff.health.TrafficMonitor}, exposure and conversion
 * tracking for experiments, and user feedback.
 */
@NullMarked
package io.flagstaff.health;

import org.jspecify.annotations.NullMarked;
