package io.flagstaff;

/**
 * Thrown when code guarded by a flag is called while the flag is off and no fallback is
 * declared. Never replaced by a silent {@code null}.
 */
public class FeatureDisabledException extends RuntimeException {

	private final String key;

	/**
	 * Creates the exception.
	 * @param key the flag that is off
	 */
	public FeatureDisabledException(String key) {
		super("Feature '" + key + "' is disabled for this context");
		this.key = key;
	}

	/**
	 * Returns the flag that is off.
	 * @return the flag key
	 */
	public String getKey() {
		return this.key;
	}

}
