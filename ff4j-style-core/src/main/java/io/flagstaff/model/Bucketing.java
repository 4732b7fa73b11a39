package io.flagstaff.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a flag (or one rule) buckets its users.
 *
 * @param scheme the hashing scheme
 * @param bucketBy the context attribute whose value is the bucketing key: {@code userId}
 * when {@code null}; {@code sessionId}, {@link #RANDOM random} or any attribute name
 * otherwise
 * @param salt the salt mixed into the hash; the flag key when {@code null}
 * @param fallback attributes tried in order when the context has no {@code bucketBy}
 * value, for example {@code [sessionId, random]}; empty (the default) means a context
 * without the attribute is outside every rollout
 */
public record Bucketing(BucketingScheme scheme, @Nullable String bucketBy, @Nullable String salt,
		List<String> fallback) {

	/**
	 * The default: {@link BucketingScheme#DEFAULT}, by user id, salted with the flag key.
	 */
	public static final Bucketing DEFAULT = new Bucketing(BucketingScheme.DEFAULT, null, null);

	/** The attribute name that designates the user id. */
	public static final String USER_ID = "userId";

	/**
	 * The pseudo-attribute that designates a fresh random key for every evaluation: a
	 * rollout by {@code random} is not sticky, it turns on that share of evaluations.
	 */
	public static final String RANDOM = "random";

	public Bucketing {
		Objects.requireNonNull(scheme, "scheme");
		fallback = List.copyOf(fallback);
	}

	/**
	 * Creates a bucketing without fallback attributes.
	 * @param scheme the hashing scheme
	 * @param bucketBy the attribute to bucket by, or {@code null} for {@code userId}
	 * @param salt the salt, or {@code null} for the flag key
	 */
	public Bucketing(BucketingScheme scheme, @Nullable String bucketBy, @Nullable String salt) {
		this(scheme, bucketBy, salt, List.of());
	}

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
