package io.flagstaff.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a legacy {@code features_config.json} document is converted to the native model.
 *
 * @param zone the time zone in which the legacy {@code activation_date} (a local
 * date-time without offset) is read; the legacy code compared it with the server's local
 * clock
 * @param healthWindow the rolling window of the health policy converted from
 * {@code error_threshold} and {@code performance_threshold}; the legacy code counted
 * errors and slow calls since the process started
 */
public record LegacyOptions(ZoneId zone, Duration healthWindow) {

	/** UTC and a one-day health window. */
	public static final LegacyOptions DEFAULTS = new LegacyOptions(ZoneId.of("UTC"), Duration.ofDays(1));

	public LegacyOptions {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(healthWindow, "healthWindow");
		if (healthWindow.isNegative() || healthWindow.isZero()) {
			throw new IllegalArgumentException("healthWindow must be positive, was " + healthWindow);
		}
	}

	/**
	 * Returns a copy reading activation dates in another zone.
	 * @param zone the zone, for example {@code Europe/Bucharest}
	 * @return the options
	 */
	public LegacyOptions withZone(ZoneId zone) {
		return new LegacyOptions(zone, this.healthWindow);
	}

	/**
	 * Returns a copy with another health window.
	 * @param healthWindow the rolling window, positive
	 * @return the options
	 */
	public LegacyOptions withHealthWindow(Duration healthWindow) {
		return new LegacyOptions(this.zone, healthWindow);
	}

}
