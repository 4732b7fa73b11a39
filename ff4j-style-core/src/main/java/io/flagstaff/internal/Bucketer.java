package io.flagstaff.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

	/** The attributes that provide the key, in order; {@code null} stands for random. */
	private final @Nullable AttributeRef[] keys;

	final String salt;

	Bucketer(Bucketing bucketing, String salt) {
		List<String> names = new ArrayList<>();
		names.add(bucketing.bucketByOrUserId());
		names.addAll(bucketing.fallback());
		this.keys = new AttributeRef[names.size()];
		for (int i = 0; i < this.keys.length; i++) {
			this.keys[i] = names.get(i).equals(Bucketing.RANDOM) ? null : new AttributeRef(names.get(i));
		}
		this.salt = salt;
	}

	static Bucketer of(Bucketing bucketing, String featureKey) {
		String salt = bucketing.saltOr(featureKey);
		return switch (bucketing.scheme()) {
			case DEFAULT -> new DefaultBucketer(bucketing, salt);
			case UNLEASH -> new UnleashBucketer(bucketing, salt);
			case LEGACY_SHA256, LEGACY_MD5 -> new LegacyBucketer(bucketing, salt, bucketing.scheme());
		};
	}

	/**
	 * Returns the bucketing key of a context, for allow and deny lists: the value of the
	 * first present attribute among {@code bucketBy} and the fallbacks ({@code random}
	 * skipped).
	 * @return the value, or {@code null} when none is present
	 */
	final @Nullable String key(FeatureContext context, EvaluationRuntime runtime) {
		for (AttributeRef key : this.keys) {
			String value = (key != null) ? key.get(context, runtime) : null;
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Returns the index of the attribute that provides the key: the first present one, or
	 * {@code random}; {@code -1} when none.
	 */
	final int keySource(FeatureContext context, EvaluationRuntime runtime) {
		for (int i = 0; i < this.keys.length; i++) {
			AttributeRef key = this.keys[i];
			if (key == null || key.get(context, runtime) != null) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Returns the key a source provides: a fresh random key for {@code random}, the empty
	 * string for {@code -1}.
	 */
	final String keyValue(int source, FeatureContext context, EvaluationRuntime runtime) {
		if (source < 0) {
			return "";
		}
		AttributeRef key = this.keys[source];
		if (key == null) {
			return Long.toHexString(ThreadLocalRandom.current().nextLong());
		}
		String value = key.get(context, runtime);
		return (value != null) ? value : "";
	}

	/**
	 * Returns the xxHash64 of the key a source provides, cached in the context (computed
	 * once per context, whatever the number of flags) except for {@code environment};
	 * random for {@code random}.
	 */
	final long keyHash(int source, FeatureContext context, EvaluationRuntime runtime) {
		if (source < 0) {
			return EMPTY_KEY_HASH;
		}
		AttributeRef key = this.keys[source];
		if (key == null) {
			return ThreadLocalRandom.current().nextLong();
		}
		if (key.isContextValue()) {
			// keySource found the value present: the context hashes it once and caches it
			return DefaultFeatureContext.bucketingHash(context, key.name());
		}
		String value = key.get(context, runtime);
		return (value != null) ? Hashing.xxHash64(value) : EMPTY_KEY_HASH;
	}

	private static final long EMPTY_KEY_HASH = Hashing.xxHash64("");

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
		int source = keySource(context, runtime);
		return source >= 0 && inPartialRollout(context, runtime, source, basisPoints);
	}

	abstract boolean inPartialRollout(FeatureContext context, EvaluationRuntime runtime, int source, int basisPoints);

	/**
	 * Picks a variant by weight: the index of the first variant whose running total of
	 * weights exceeds (or, for Unleash, reaches) the context's variant bucket. A context
	 * without a bucketing key is placed as the empty key.
	 * @param cumulative the running totals of the weights; the last is the total,
	 * positive
	 */
	final int variant(FeatureContext context, EvaluationRuntime runtime, int[] cumulative) {
		return variantIndex(context, runtime, keySource(context, runtime), cumulative);
	}

	abstract int variantIndex(FeatureContext context, EvaluationRuntime runtime, int source, int[] cumulative);

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

		DefaultBucketer(Bucketing bucketing, String salt) {
			super(bucketing, salt);
			this.saltHash = Hashing.xxHash64(salt);
		}

		@Override
		boolean inPartialRollout(FeatureContext context, EvaluationRuntime runtime, int source, int basisPoints) {
			return rolloutBucket(keyHash(source, context, runtime), this.saltHash) < basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, EvaluationRuntime runtime, int source, int[] cumulative) {
			long keyHash = keyHash(source, context, runtime);
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

		UnleashBucketer(Bucketing bucketing, String salt) {
			super(bucketing, salt);
		}

		@Override
		boolean inPartialRollout(FeatureContext context, EvaluationRuntime runtime, int source, int basisPoints) {
			return normalized(this.salt, keyValue(source, context, runtime), 0, 100) * 100 <= basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, EvaluationRuntime runtime, int source, int[] cumulative) {
			String key = keyValue(source, context, runtime);
			long normalized = normalized(this.salt, key, VARIANT_SEED, cumulative[cumulative.length - 1]);
			return firstAbove(cumulative, normalized - 1);
		}

		static long normalized(String group, String key, int seed, int modulus) {
			return Hashing.murmur3x86(group, ":", key, seed) % modulus + 1;
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

		LegacyBucketer(Bucketing bucketing, String salt, BucketingScheme scheme) {
			super(bucketing, salt);
			this.scheme = scheme;
		}

		@Override
		boolean inPartialRollout(FeatureContext context, EvaluationRuntime runtime, int source, int basisPoints) {
			String key = keyValue(source, context, runtime);
			if (key.isEmpty() && this.scheme == BucketingScheme.LEGACY_MD5) {
				return false;
			}
			return bucket(key, 100) * 100L < basisPoints;
		}

		@Override
		int variantIndex(FeatureContext context, EvaluationRuntime runtime, int source, int[] cumulative) {
			String key = keyValue(source, context, runtime);
			return firstAbove(cumulative, bucket(key, cumulative[cumulative.length - 1]));
		}

		int bucket(String key, int modulus) {
			return (this.scheme == BucketingScheme.LEGACY_SHA256)
					? Hashing.digestRemainder("SHA-256", key, this.salt, "", modulus)
					: Hashing.digestRemainder("MD5", this.salt, ":", key, modulus);
		}

	}

}
