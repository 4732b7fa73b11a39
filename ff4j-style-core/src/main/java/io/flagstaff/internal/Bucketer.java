package io.flagstaff.internal;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import org.jspecify.annotations.Nullable;

/**
 * Places a context in a flag's rollout and picks its variant, for one bucketing scheme,
 * salt and bucketing attribute. Percentages are in basis points (hundredths of a percent,
 * 0..10,000). Immutable and thread-safe.
 */
abstract class Bucketer {

	/** Rollout percentages are expressed in hundredths of a percent: 100% is 10,000. */
	static final int FULL = 10_000;

	private final AttributeRef key;

	final String salt;

	Bucketer(AttributeRef key, String salt) {
		this.key = key;
		this.salt = salt;
	}

	static Bucketer of(Bucketing bucketing, String featureKey) {
		AttributeRef key = new AttributeRef(bucketing.bucketByOrUserId());
		String salt = bucketing.saltOr(featureKey);
		return switch (bucketing.scheme()) {
			case DEFAULT -> new DefaultBucketer(key, salt);
			case UNLEASH -> new UnleashBucketer(key, salt);
			case LEGACY_SHA256, LEGACY_MD5 -> new LegacyBucketer(key, salt, bucketing.scheme());
		};
	}

	/**
	 * Returns the bucketing key of a context.
	 * @return the attribute's value, or {@code null} when absent
	 */
	final @Nullable String key(FeatureContext context, EvaluationRuntime runtime) {
		return this.key.get(context, runtime);
	}

	final String keyName() {
		return this.key.name();
	}

	/**
	 * Returns whether a context is inside a rollout. A full rollout includes everyone, an
	 * empty one nobody, and a partial one nobody without a bucketing key.
	 */
	final boolean inRollout(FeatureContext context, EvaluationRuntime runtime, int basisPoints) {
		if (basisPoints >= FULL) {
			return true;
		}
		if (basisPoints <= 0) {
			return false;
		}
		String value = key(context, runtime);
		return value != null && inPartialRollout(context, value, basisPoints);
	}

	abstract boolean inPartialRollout(FeatureContext context, String key, int basisPoints);

	/**
	 * Picks a variant by weight: the index of the first variant whose running total of
	 * weights exceeds (or, for Unleash, reaches) the context's variant bucket. A context
	 * without a bucketing key is placed as the empty key.
	 * @param cumulative the running totals of the weights; the last is the total,
	 * positive
	 */
	final int variant(FeatureContext context, EvaluationRuntime runtime, int[] cumulative) {
		String value = key(context, runtime);
		return variantIndex(context, (value != null) ? value : "", cumulative);
	}

	abstract int variantIndex(FeatureContext context, String key, int[] cumulative);

	static int firstAbove(int[] cumulative, long bucket) {
		for (int i = 0; i < cumulative.length; i++) {
			if (bucket < cumulative[i]) {
				return i;
			}
		}
		return cumulative.length - 1;
	}

	/**
	 * The default scheme: xxHash64 of the key (cached in the context for userId and
	 * sessionId) xor the salt's xxHash64 (computed here once), through fmix64, unsigned
	 * remainder 10,000 for the rollout; the variant mixes with a constant first, so it is
	 * independent.
	 */
	static final class DefaultBucketer extends Bucketer {

		static final long VARIANT_SEED = 0x9E3779B97F4A7C15L;

		private final long saltHash;

		DefaultBucketer(AttributeRef key, String salt) {
			super(key, salt);
			this.saltHash = Hashing.xxHash64(salt);
		}

		private long keyHash(FeatureContext context, String key) {
			String name = keyName();
			if (name.equals("userId") || name.equals("sessionId")) {
				return context.bucketingHash(name);
			}
			return Hashing.xxHash64(key);
		}

		@Override
		boolean inPartialRollout(FeatureContext context, String key, int basisPoints) {
			return rolloutBucket(keyHash(context, key), this.saltHash) < basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, String key, int[] cumulative) {
			long keyHash = key.isEmpty() ? Hashing.xxHash64("") : keyHash(context, key);
			return firstAbove(cumulative, variantBucket(keyHash, this.saltHash, cumulative[cumulative.length - 1]));
		}

		static long rolloutBucket(long keyHash, long saltHash) {
			return Long.remainderUnsigned(Hashing.fmix64(keyHash ^ saltHash), FULL);
		}

		static long variantBucket(long keyHash, long saltHash, int totalWeight) {
			return Long.remainderUnsigned(Hashing.fmix64(keyHash ^ saltHash ^ VARIANT_SEED), totalWeight);
		}

	}

	/**
	 * Unleash's scheme:
	 * {@code murmur3_x86_32(salt + ":" + key, 0) % 100 + 1 <= percentage}; variants with
	 * seed 86028157 and the total weight as modulus.
	 */
	static final class UnleashBucketer extends Bucketer {

		static final int VARIANT_SEED = 86028157;

		UnleashBucketer(AttributeRef key, String salt) {
			super(key, salt);
		}

		@Override
		boolean inPartialRollout(FeatureContext context, String key, int basisPoints) {
			return normalized(this.salt, key, 0, 100) * 100 <= basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, String key, int[] cumulative) {
			long normalized = normalized(this.salt, key, VARIANT_SEED, cumulative[cumulative.length - 1]);
			return firstAbove(cumulative, normalized - 1);
		}

		static long normalized(String group, String key, int seed, int modulus) {
			return Hashing.murmur3x86(group + ":" + key, seed) % modulus + 1;
		}

	}

	/**
	 * The legacy schemes: SHA-256 of {@code key + salt} (seed 000) or MD5 of
	 * {@code salt + ":" + key} (seed 001), the digest read as an unsigned integer,
	 * remainder 100, on when below the percentage. Variants take the remainder by the
	 * total weight of the same digest.
	 */
	static final class LegacyBucketer extends Bucketer {

		private final BucketingScheme scheme;

		LegacyBucketer(AttributeRef key, String salt, BucketingScheme scheme) {
			super(key, salt);
			this.scheme = scheme;
		}

		@Override
		boolean inPartialRollout(FeatureContext context, String key, int basisPoints) {
			if (key.isEmpty()) {
				return false;
			}
			return bucket(key, 100) * 100L < basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, String key, int[] cumulative) {
			return firstAbove(cumulative, bucket(key, cumulative[cumulative.length - 1]));
		}

		int bucket(String key, int modulus) {
			return (this.scheme == BucketingScheme.LEGACY_SHA256)
					? Hashing.digestRemainder("SHA-256", key + this.salt, modulus)
					: Hashing.digestRemainder("MD5", this.salt + ":" + key, modulus);
		}

	}

}
