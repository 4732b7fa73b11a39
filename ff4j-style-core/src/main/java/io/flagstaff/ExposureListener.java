package io.flagstaff;

/**
 * Receives an {@link Exposure} each time a flag marked {@code track: true} is evaluated,
 * for experiment analysis. Called on the evaluating thread: an implementation must hand
 * the exposure off without blocking (for example to a bounded queue drained by another
 * thread, such as the {@code ExposureQueue} of {@code flagstaff-experiments}), must not
 * throw, and must be thread-safe. Register one with
 * {@link Flagstaff.Builder#exposureListener}.
 */
@FunctionalInterface
public interface ExposureListener {

	/**
	 * Hands off one exposure. Must return quickly and never block.
	 * @param exposure what was evaluated and served
	 */
	void onExposure(Exposure exposure);

}
