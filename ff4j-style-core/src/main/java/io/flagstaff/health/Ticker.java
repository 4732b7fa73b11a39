package io.flagstaff.health;

/**
 * A source of nanosecond time used to place calls into the rolling windows of the
 * {@link HealthGuard}. Only differences between readings matter. Implementations must be
 * thread-safe; tests supply a fake one to roll windows over without waiting.
 */
@FunctionalInterface
public interface Ticker {

	/**
	 * Returns the current reading.
	 * @return nanoseconds since an arbitrary origin
	 */
	long read();

	/**
	 * Returns the ticker of {@link System#nanoTime()}.
	 * @return the system ticker
	 */
	static Ticker system() {
		return System::nanoTime;
	}

}
