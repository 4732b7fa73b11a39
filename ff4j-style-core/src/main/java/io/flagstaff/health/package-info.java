/**
 * Keeping flags healthy: the {@link io.flagstaff.health.HealthGuard} automatic kill
 * switch and the {@link io.flagstaff.health.TrafficMonitor}.
 */
@NullMarked
package io.flagstaff.health;

import org.jspecify.annotations.NullMarked;
