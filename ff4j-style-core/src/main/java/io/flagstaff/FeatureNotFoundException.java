package io.flagstaff;

/**
 * Thrown in strict mode when a flag key is unknown. Outside strict mode an unknown flag
 * returns the caller's default with {@link Reason#FLAG_NOT_FOUND} instead.
 */
public class FeatureNotFoundException extends RuntimeException {

	private final String key;

	/**
	 * Creates the exception.
	 * @param key the unknown flag key
	 * @param message the message, naming the key and, when possible, the closest known
	 * keys
	 */
	public FeatureNotFoundException(String key, String message) {
		super(message);
		this.key = key;
	}

	/**
	 * Returns the unknown key.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

}
