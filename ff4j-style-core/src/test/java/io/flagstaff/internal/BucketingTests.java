package io.flagstaff.internal;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published and independently derived vectors (python3: hashlib, and an xxHash64 written
 * from the specification) for every bucketing scheme.
 */
class BucketingTests {

	private final EvaluationRuntime runtime = new EvaluationRuntime(null, Clock.systemUTC(), false,
			new CoarseClock(Clock.systemUTC()), null, true);

	@ParameterizedTest
	@CsvSource({ "'', ef46db3751d8e999", "abc, 44bc2cf5ad770999", "u-42, b83fc7b1a176999b",
			"new-checkout, ff4923304de50387", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 569ea6843111ef03",
			"üser-ß, 4814fa69a8f79031" })
	void xxHash64MatchesTheReferenceVectors(String text, String hex) {
		assertThat(Hashing.xxHash64(text)).isEqualTo(Long.parseUnsignedLong(hex, 16));
	}

	@ParameterizedTest
	@CsvSource({ "new-checkout, u-42", "'', ''", "grüße, ß-user", "emoji-\uD83D\uDE00, x", "lone-\uD83D, \uDE00-low",
			"abc, defghijklmnopqrstuvwxyz-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789-abcdefghijklmnopqrstuvwxyz" })
	void hashesOfThreePartsEqualTheHashesOfTheConcatenation(String salt, String key) {
		String joined = salt + ":" + key;
		byte[] bytes = joined.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Hashing.murmur3x86(salt, ":", key, 86028157))
			.isEqualTo(Hashing.murmur3x86(joined, "", "", 86028157));
		assertThat(Hashing.murmur3x86(joined, "", "", 0)).isEqualTo(murmur3Reference(bytes, 0));
		assertThat(Hashing.digestRemainder("SHA-256", key, salt, "", 100)).isEqualTo(
				new java.math.BigInteger(1, sha256(key + salt)).mod(java.math.BigInteger.valueOf(100)).intValue());
		assertThat(Hashing.digestRemainder("MD5", salt, ":", key, 97))
			.isEqualTo(Hashing.digestRemainder("MD5", joined, "", "", 97));
	}

	@Test
	void aKeyLongerThanTheKeptBufferHashesLikeItsReferenceAndLeavesShortKeysRight() {
		String longKey = "k".repeat(Hashing.KEPT_BYTES) + "-\u00e9";
		byte[] bytes = ("salt:" + longKey).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Hashing.murmur3x86("salt", ":", longKey, 0)).isEqualTo(murmur3Reference(bytes, 0));
		assertThat(Hashing.digestRemainder("SHA-256", longKey, "salt", "", 100))
			.isEqualTo(new java.math.BigInteger(1, sha256(longKey + "salt")).mod(java.math.BigInteger.valueOf(100))
				.intValue());
		byte[] shortBytes = "salt:u-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Hashing.murmur3x86("salt", ":", "u-1", 0)).isEqualTo(murmur3Reference(shortBytes, 0));
	}

	@Test
	void aSurrogatePairSplitBetweenTwoPartsIsEncodedAsOneCharacter() {
		String high = "key-\uD83D";
		String low = "\uDE00-salt";
		assertThat(Hashing.digestRemainder("SHA-256", high, low, "", 1000))
			.isEqualTo(Hashing.digestRemainder("SHA-256", high + low, "", "", 1000));
		assertThat(Hashing.murmur3x86(high, low, "", 0)).isEqualTo(Hashing.murmur3x86(high + low, "", "", 0));
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** murmur3_x86_32 written from the specification, over bytes. */
	private static long murmur3Reference(byte[] data, int seed) {
		int h = seed;
		int i = 0;
		for (; i + 4 <= data.length; i += 4) {
			int k = java.nio.ByteBuffer.wrap(data, i, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
			k *= 0xCC9E2D51;
			k = Integer.rotateLeft(k, 15);
			k *= 0x1B873593;
			h ^= k;
			h = Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
		}
		int k = 0;
		for (int j = data.length - 1; j >= i; j--) {
			k = (k << 8) | (data[j] & 0xFF);
		}
		if (i < data.length) {
			k *= 0xCC9E2D51;
			k = Integer.rotateLeft(k, 15);
			k *= 0x1B873593;
			h ^= k;
		}
		h ^= data.length;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		h ^= h >>> 16;
		return h & 0xFFFFFFFFL;
	}

	@Test
	void contextHashesItsUserAndSessionWithXxHash64() {
		FeatureContext context = FeatureContext.builder()
			.userId("u-42")
			.sessionId("abc")
			.attribute("org", "u-42")
			.build();
		assertThat(DefaultFeatureContext.bucketingHash(context, "userId"))
			.isEqualTo(Long.parseUnsignedLong("b83fc7b1a176999b", 16));
		assertThat(DefaultFeatureContext.bucketingHash(context, "sessionId"))
			.isEqualTo(Long.parseUnsignedLong("44bc2cf5ad770999", 16));
		assertThat(DefaultFeatureContext.bucketingHash(context, "org"))
			.isEqualTo(DefaultFeatureContext.bucketingHash(context, "userId"));
		assertThat(DefaultFeatureContext.bucketingHash(context, "missing")).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "new-checkout, u-42, 7199, 17", "new-checkout, u-1, 2648, 93", "dark-mode, alice, 83, 28",
			"pricing, user-ß-ü, 4925, 62",
			"a-very-long-salt-for-the-flag-key-0123456789, a-user-id-that-is-longer-than-thirty-two-bytes, 7864, 62" })
	void defaultSchemeMatchesTheDerivedVectors(String salt, String key, long bucket, long variantOf100) {
		long keyHash = Hashing.xxHash64(key);
		long saltHash = Hashing.xxHash64(salt);
		assertThat(Bucketer.DefaultBucketer.rolloutBucket(keyHash, saltHash)).isEqualTo(bucket);
		assertThat(Bucketer.DefaultBucketer.variantBucket(keyHash, saltHash, 100)).isEqualTo(variantOf100);
		Bucketer bucketer = Bucketer.of(new Bucketing(BucketingScheme.DEFAULT, null, salt), "ignored");
		FeatureContext context = FeatureContext.ofUser(key);
		assertThat(bucketer.inRollout(context, this.runtime, (int) bucket + 1)).isTrue();
		assertThat(bucketer.inRollout(context, this.runtime, (int) bucket)).isFalse();
		int[] hundredOnes = IntStream.rangeClosed(1, 100).toArray();
		assertThat(bucketer.variant(context, this.runtime, hundredOnes)).isEqualTo((int) variantOf100);
	}

	@ParameterizedTest
	@CsvSource({ "gr1, 123, 73, 96", "groupX, 999, 25, 60" })
	void unleashSchemeMatchesThePublishedVectors(String group, String key, long normalized, long variantNormalized) {
		assertThat(Bucketer.UnleashBucketer.normalized(group, key, 0, 100)).isEqualTo(normalized);
		assertThat(Bucketer.UnleashBucketer.normalized(group, key, 86028157, 100)).isEqualTo(variantNormalized);
		Bucketer bucketer = Bucketer.of(new Bucketing(BucketingScheme.UNLEASH, null, group), "ignored");
		FeatureContext context = FeatureContext.ofUser(key);
		assertThat(bucketer.inRollout(context, this.runtime, (int) normalized * 100)).isTrue();
		assertThat(bucketer.inRollout(context, this.runtime, (int) normalized * 100 - 1)).isFalse();
		int[] hundredOnes = IntStream.rangeClosed(1, 100).toArray();
		assertThat(bucketer.variant(context, this.runtime, hundredOnes)).isEqualTo((int) variantNormalized - 1);
	}

	@ParameterizedTest
	@CsvSource({ "new-checkout, 123, 9", "new-checkout, u-42, 72", "dark-mode, alice, 49", "beta, 7, 70" })
	void legacySha256SchemeHashesUserIdThenFlagKey(String flag, String userId, int value) {
		assertThat(Hashing.digestRemainder("SHA-256", userId + flag, "", "", 100)).isEqualTo(value);
		Bucketer bucketer = Bucketer.of(new Bucketing(BucketingScheme.LEGACY_SHA256, null, null), flag);
		FeatureContext context = FeatureContext.ofUser(userId);
		assertThat(bucketer.inRollout(context, this.runtime, (value + 1) * 100)).isTrue();
		assertThat(bucketer.inRollout(context, this.runtime, value * 100)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "new-checkout, 123, 75", "new-checkout, u-42, 24", "dark-mode, alice, 20", "beta, 7, 52" })
	void legacyMd5SchemeHashesFlagKeyColonUserId(String flag, String userId, int value) {
		assertThat(Hashing.digestRemainder("MD5", flag + ":" + userId, "", "", 100)).isEqualTo(value);
		Bucketer bucketer = Bucketer.of(new Bucketing(BucketingScheme.LEGACY_MD5, null, null), flag);
		FeatureContext context = FeatureContext.ofUser(userId);
		assertThat(bucketer.inRollout(context, this.runtime, (value + 1) * 100)).isTrue();
		assertThat(bucketer.inRollout(context, this.runtime, value * 100)).isFalse();
		assertThat(bucketer.variant(context, this.runtime, new int[] { value, 100 })).isEqualTo(1);
		assertThat(bucketer.variant(context, this.runtime, new int[] { value + 1, 100 })).isZero();
	}

	@Test
	void aContextWithoutTheBucketingAttributeIsOutsideEveryPartialRollout() {
		Bucketer bucketer = Bucketer.of(Bucketing.DEFAULT, "flag");
		assertThat(bucketer.inRollout(FeatureContext.empty(), this.runtime, 9_999)).isFalse();
		assertThat(bucketer.inRollout(FeatureContext.empty(), this.runtime, 10_000)).isTrue();
		assertThat(bucketer.inRollout(FeatureContext.ofUser("u"), this.runtime, 0)).isFalse();
	}

	@Test
	void fallbackAttributesAreTriedInOrder() {
		Bucketer bySession = Bucketer
			.of(new Bucketing(BucketingScheme.DEFAULT, "accountId", null, List.of("sessionId")), "flag");
		Bucketer byAccount = Bucketer.of(new Bucketing(BucketingScheme.DEFAULT, "accountId", null), "flag");
		FeatureContext session = FeatureContext.builder().sessionId("s-1").build();
		FeatureContext account = FeatureContext.builder().attribute("accountId", "s-1").build();
		assertThat(bySession.key(session, this.runtime)).isEqualTo("s-1");
		assertThat(byAccount.key(session, this.runtime)).isNull();
		int inBoth = 0;
		for (int basisPoints = 1; basisPoints < 10_000; basisPoints += 97) {
			boolean viaSession = bySession.inRollout(session, this.runtime, basisPoints);
			assertThat(viaSession).isEqualTo(byAccount.inRollout(account, this.runtime, basisPoints));
			inBoth += viaSession ? 1 : 0;
		}
		assertThat(inBoth).isPositive();
	}

	@Test
	void randomBucketingTurnsOnAShareOfEvaluationsRatherThanOfUsers() {
		Bucketer random = Bucketer.of(new Bucketing(BucketingScheme.DEFAULT, Bucketing.RANDOM, null), "flag");
		FeatureContext context = FeatureContext.ofUser("same-user");
		long on = IntStream.range(0, 20_000).filter((i) -> random.inRollout(context, this.runtime, 5_000)).count();
		assertThat(on).isBetween(9_000L, 11_000L);
	}

}
