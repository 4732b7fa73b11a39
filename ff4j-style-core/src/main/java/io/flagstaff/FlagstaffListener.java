package io.flagstaff;

/**
 * Receives {@link FlagstaffEvent}s. Called synchronously on the thread that caused the
 * event (never an evaluating thread); must be thread-safe, return quickly and not throw
 * (a thrown exception is logged and ignored).
 */
@FunctionalInterface
public interface FlagstaffListener {

	/**
	 * Handles an event.
	 * @param event the event
	 */
	void onEvent(FlagstaffEvent event);

}
