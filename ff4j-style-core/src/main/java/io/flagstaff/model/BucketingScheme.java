package io.flagstaff.model;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a user is assigned to a bucket for percentage rollouts and variants. All schemes
 * are deterministic: the same bucketing key and salt always land in the same bucket.
 */
public enum BucketingScheme {

	/**
	 * Flagstaff's scheme: a 64-bit hash of the bucketing key (computed once per context)
	 * mixed with the flag's precomputed salt hash, reduced to 10,000 buckets. README
	 * states the formula.
	 */
	DEFAULT("default"),
	/**
	 * Unleash's scheme: {@code murmur3_x86_32(salt + ":" + key)} normalized to 1..100,
	 * variants with seed 86028157.
	 */
	UNLEASH("unleash"),
	/** The seed 000 system: {@code sha256(key + salt) % 100}. */
	LEGACY_SHA256("legacy-sha256"),
	/** The seed 001 system: {@code md5(salt + ":" + key) % 100}. */
	LEGACY_MD5("legacy-md5");

	private final String configName;

	BucketingScheme(String configName) {
		this.configName = configName;
	}

	/**
	 * Returns the name used in configuration documents.
	 * @return the configuration name, for example {@code legacy-sha256}
	 */
	public String configName() {
		return this.configName;
	}

	/**
	 * Finds a scheme by its configuration name, ignoring case.
	 * @param name the configuration name
	 * @return the scheme, or {@code null} when no scheme has that name
	 */
	public static @Nullable BucketingScheme fromConfigName(String name) {
		for (BucketingScheme scheme : values()) {
			if (scheme.configName.equals(name.toLowerCase(Locale.ROOT))) {
				return scheme;
			}
		}
		return null;
	}

}
