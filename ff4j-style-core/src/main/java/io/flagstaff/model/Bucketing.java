package io.flagstaff.model;

import org.jspecify.annotations.Nullable;

/**
 * How a flag (or one rule) buckets its users.
 *
 * @param scheme the hashing scheme
 * @param bucketBy the context attribute whose value is the bucketing key: {@code userId} when
 * {@code null}; {@code sessionId} or any attribute name otherwise
 * @param salt the salt mixed into the hash; the flag key when {@code null}
 */
public record Bucketing(BucketingScheme scheme, @Nullable String bucketBy, @Nullable String salt) {

	/** The default: {@link BucketingScheme#DEFAULT}, by user id, salted with the flag key. */
	public static final Bucketing DEFAULT = new Bucketing(BucketingScheme.DEFAULT, null, null);

	/** The attribute name that designates the user id. */
	public static final String USER_ID = "userId";

	/**
	 * Returns the attribute to bucket by.
	 * @return {@link #bucketBy()} or {@code userId} when it is not set
	 */
	public String bucketByOrUserId() {
		return (this.bucketBy != null) ? this.bucketBy : USER_ID;
	}

	/**
	 * Returns the salt for a flag.
	 * @param featureKey the flag key used when no salt is set
	 * @return {@link #salt()} or the flag key
	 */
	public String saltOr(String featureKey) {
		return (this.salt != null) ? this.salt : featureKey;
	}

}
