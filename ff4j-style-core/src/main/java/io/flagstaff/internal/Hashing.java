package io.flagstaff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions behind bucketing: xxHash64 (the default scheme), the murmur3 64-bit
 * finalizer, murmur3 x86 32-bit (the Unleash scheme), and the remainder of a SHA-256 or
 * MD5 digest read as an unsigned big-endian integer (the legacy schemes). Stateless and
 * thread-safe.
 */
public final class Hashing {

	private static final long PRIME64_1 = 0x9E3779B185EBCA87L;

	private static final long PRIME64_2 = 0xC2B2AE3D27D4EB4FL;

	private static final long PRIME64_3 = 0x165667B19E3779F9L;

	private static final long PRIME64_4 = 0x85EBCA77C2B2AE63L;

	private static final long PRIME64_5 = 0x27D4EB2F165667C5L;

	private Hashing() {
	}

	/**
	 * Returns the xxHash64 (seed 0) of a string's UTF-8 bytes. Allocates nothing when the
	 * string is ASCII.
	 * @param text the text
	 * @return the 64-bit hash
	 */
	public static long xxHash64(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return xxHash64Bytes(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
			}
		}
		return xxHash64Bytes(text);
	}

	/**
	 * xxHash64 with seed 0 of a string whose chars are all below 256, each char read as
	 * one byte.
	 */
	private static long xxHash64Bytes(String bytes) {
		int length = bytes.length();
		int i = 0;
		long hash;
		if (length >= 32) {
			long v1 = PRIME64_1 + PRIME64_2;
			long v2 = PRIME64_2;
			long v3 = 0;
			long v4 = -PRIME64_1;
			int limit = length - 32;
			do {
				v1 = round(v1, readLong(bytes, i));
				v2 = round(v2, readLong(bytes, i + 8));
				v3 = round(v3, readLong(bytes, i + 16));
				v4 = round(v4, readLong(bytes, i + 24));
				i += 32;
			}
			while (i <= limit);
			hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
			hash = mergeRound(hash, v1);
			hash = mergeRound(hash, v2);
			hash = mergeRound(hash, v3);
			hash = mergeRound(hash, v4);
		}
		else {
			hash = PRIME64_5;
		}
		hash += length;
		while (i + 8 <= length) {
			hash ^= round(0, readLong(bytes, i));
			hash = Long.rotateLeft(hash, 27) * PRIME64_1 + PRIME64_4;
			i += 8;
		}
		if (i + 4 <= length) {
			hash ^= (readInt(bytes, i) & 0xFFFFFFFFL) * PRIME64_1;
			hash = Long.rotateLeft(hash, 23) * PRIME64_2 + PRIME64_3;
			i += 4;
		}
		while (i < length) {
			hash ^= (bytes.charAt(i) & 0xFF) * PRIME64_5;
			hash = Long.rotateLeft(hash, 11) * PRIME64_1;
			i++;
		}
		hash ^= hash >>> 33;
		hash *= PRIME64_2;
		hash ^= hash >>> 29;
		hash *= PRIME64_3;
		hash ^= hash >>> 32;
		return hash;
	}

	private static long round(long acc, long input) {
		acc += input * PRIME64_2;
		acc = Long.rotateLeft(acc, 31);
		return acc * PRIME64_1;
	}

	private static long mergeRound(long acc, long value) {
		acc ^= round(0, value);
		return acc * PRIME64_1 + PRIME64_4;
	}

	private static long readLong(String bytes, int i) {
		return (readInt(bytes, i) & 0xFFFFFFFFL) | ((readInt(bytes, i + 4) & 0xFFFFFFFFL) << 32);
	}

	private static int readInt(String bytes, int i) {
		return (bytes.charAt(i) & 0xFF) | ((bytes.charAt(i + 1) & 0xFF) << 8) | ((bytes.charAt(i + 2) & 0xFF) << 16)
				| ((bytes.charAt(i + 3) & 0xFF) << 24);
	}

	/**
	 * The murmur3 64-bit finalizer ({@code fmix64}): a bijection with full avalanche.
	 * @param value the input
	 * @return the mixed value
	 */
	public static long fmix64(long value) {
		long k = value;
		k ^= k >>> 33;
		k *= 0xFF51AFD7ED558CCDL;
		k ^= k >>> 33;
		k *= 0xC4CEB9FE1A85EC53L;
		k ^= k >>> 33;
		return k;
	}

	/**
	 * Returns murmur3 x86 32-bit of a string's UTF-8 bytes.
	 * @param text the text
	 * @param seed the seed
	 * @return the hash as an unsigned value in a {@code long}
	 */
	public static long murmur3x86(String text, int seed) {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		int c1 = 0xCC9E2D51;
		int c2 = 0x1B873593;
		int h1 = seed;
		int blocks = data.length / 4;
		for (int i = 0; i < blocks; i++) {
			int k1 = (data[i * 4] & 0xFF) | ((data[i * 4 + 1] & 0xFF) << 8) | ((data[i * 4 + 2] & 0xFF) << 16)
					| ((data[i * 4 + 3] & 0xFF) << 24);
			k1 *= c1;
			k1 = Integer.rotateLeft(k1, 15);
			k1 *= c2;
			h1 ^= k1;
			h1 = Integer.rotateLeft(h1, 13);
			h1 = h1 * 5 + 0xE6546B64;
		}
		int tail = blocks * 4;
		int k1 = 0;
		int tailLength = data.length & 3;
		for (int i = tailLength - 1; i >= 0; i--) {
			k1 ^= (data[tail + i] & 0xFF) << (8 * i);
		}
		if (tailLength > 0) {
			k1 *= c1;
			k1 = Integer.rotateLeft(k1, 15);
			k1 *= c2;
			h1 ^= k1;
		}
		h1 ^= data.length;
		h1 ^= h1 >>> 16;
		h1 *= 0x85EBCA6B;
		h1 ^= h1 >>> 13;
		h1 *= 0xC2B2AE35;
		h1 ^= h1 >>> 16;
		return h1 & 0xFFFFFFFFL;
	}

	/**
	 * Returns the digest of a string's UTF-8 bytes, read as an unsigned big-endian
	 * integer, modulo a divisor (as Python's {@code int(hexdigest, 16) % divisor}).
	 * @param algorithm {@code SHA-256} or {@code MD5}
	 * @param text the text
	 * @param divisor the divisor, positive
	 * @return the remainder
	 */
	public static int digestRemainder(String algorithm, String text, int divisor) {
		MessageDigest digester = switch (algorithm) {
			case "SHA-256" -> SHA_256.get();
			case "MD5" -> MD5.get();
			default -> newDigest(algorithm);
		};
		byte[] digest = digester.digest(text.getBytes(StandardCharsets.UTF_8));
		long remainder = 0;
		for (byte b : digest) {
			remainder = ((remainder << 8) | (b & 0xFF)) % divisor;
		}
		return (int) remainder;
	}

	/**
	 * One digester per thread and algorithm: looking a digest up in the security
	 * providers on every evaluation of a legacy flag costs more than the digest itself.
	 * {@link MessageDigest#digest(byte[])} resets it after each use.
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> newDigest("SHA-256"));

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> newDigest("MD5"));

	private static MessageDigest newDigest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JVM lacks the " + algorithm + " digest every JVM must provide", ex);
		}
	}

}
