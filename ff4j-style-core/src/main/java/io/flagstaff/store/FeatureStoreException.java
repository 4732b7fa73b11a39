package io.flagstaff.store;

/**
 * Thrown when a store cannot be read or written: unreachable, refused, or a write
 * conflict.
 */
public class FeatureStoreException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what failed and what to check
	 */
	public FeatureStoreException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what failed and what to check
	 * @param cause the underlying failure
	 */
	public FeatureStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
