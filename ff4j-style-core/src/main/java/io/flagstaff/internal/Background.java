package io.flagstaff.internal;

import java.lang.System.Logger.Level;

/**
 * The rule every background task of Flagstaff follows (file watching and polling, clock
 * sweeps, traffic monitor rounds, health guard disables): a failure of any kind is logged
 * and the task keeps its schedule, except the virtual machine errors that leave nothing
 * safe to run ({@link OutOfMemoryError}, {@link InternalError}...). A
 * {@link StackOverflowError} is survivable (the stack is unwound by the time it is
 * caught), so it is logged like any other failure. Stateless and thread-safe.
 */
public final class Background {

	private Background() {
	}

	/**
	 * Runs one round of a background task, logging its failure.
	 * @param logger the task's logger
	 * @param what the task, for the log ({@code "Polling features.yml"})
	 * @param task the round
	 * @return whether the round completed without failure
	 */
	public static boolean run(System.Logger logger, String what, Runnable task) {
		try {
			task.run();
			return true;
		}
		catch (Throwable ex) {
			rethrowIfFatal(ex);
			logger.log(Level.WARNING, what + " failed; it keeps running", ex);
			return false;
		}
	}

	/**
	 * Rethrows a failure no task should survive: a {@link VirtualMachineError} other than
	 * a {@link StackOverflowError}.
	 * @param failure the failure caught
	 */
	public static void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
			throw error;
		}
	}

}
