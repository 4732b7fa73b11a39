package io.flagstaff.store;

/**
 * Thrown when a write names a version of a flag that is no longer the stored one: someone
 * else changed (or created, or deleted) the flag meanwhile. Re-read the flag and retry.
 */
public class FeatureConflictException extends FeatureStoreException {

	private final String key;

	private final long expectedVersion;

	private final long actualVersion;

	/**
	 * Creates the exception.
	 * @param key the flag key (or segment name)
	 * @param expectedVersion the version the writer expected (0: absent)
	 * @param actualVersion the stored version (0: absent, -1: unreadable document)
	 */
	public FeatureConflictException(String key, long expectedVersion, long actualVersion) {
		super(message(key, expectedVersion, actualVersion));
		this.key = key;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	private static String message(String key, long expected, long actual) {
		return "Conflicting write to flag '" + key + "': expected " + describe(expected) + " but the store has "
				+ describe(actual) + "; re-read the flag and apply the change again";
	}

	private static String describe(long version) {
		if (version == 0) {
			return "no flag";
		}
		if (version < 0) {
			return "an unreadable document";
		}
		return "version " + version;
	}

	/**
	 * Returns the flag key.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Returns the version the writer expected.
	 * @return the version, 0 when the writer expected no flag
	 */
	public long getExpectedVersion() {
		return this.expectedVersion;
	}

	/**
	 * Returns the version found in the store.
	 * @return the version, 0 when the flag is absent, -1 when its document is unreadable
	 */
	public long getActualVersion() {
		return this.actualVersion;
	}

}
