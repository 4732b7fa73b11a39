package io.flagstaff.health;

/**
 * Told when the {@link HealthGuard} or the {@link TrafficMonitor} switched a flag or a
 * variant off. Called on the thread that wrote the change to the store (never a business
 * thread); must be thread-safe and return quickly. A thrown exception is logged and
 * ignored.
 */
@FunctionalInterface
public interface AutoDisableListener {

	/**
	 * Handles the event.
	 * @param event what was switched off and why
	 */
	void onAutoDisabled(AutoDisabledEvent event);

}
