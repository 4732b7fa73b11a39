package io.flagstaff.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * The hash functions behind bucketing: xxHash64 (the default scheme), the murmur3 64-bit
 * finalizer, murmur3 x86 32-bit (the Unleash scheme), and the remainder of a SHA-256 or
 * MD5 digest read as an unsigned big-endian integer (the legacy schemes). Thread-safe:
 * the UTF-8 bytes, digesters and digests of the murmur3 and digest methods are kept per
 * thread (a byte buffer grown past {@value #KEPT_BYTES} bytes by a long key is dropped
 * after the call, so a thread keeps at most that much).
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
	 * Returns murmur3 x86 32-bit of the UTF-8 bytes of three strings written one after
	 * the other (as of {@code first + second + third}), without concatenating them: the
	 * bytes are encoded into a buffer kept per thread, so a call allocates nothing.
	 * @param first the first string
	 * @param second the second string
	 * @param third the third string
	 * @param seed the seed
	 * @return the hash as an unsigned value in a {@code long}
	 */
	public static long murmur3x86(String first, String second, String third, int seed) {
		Scratch scratch = SCRATCH.get();
		int length = scratch.utf8(first, second, third);
		long hash = murmur3x86(scratch.bytes, length, seed);
		scratch.trim();
		return hash;
	}

	private static long murmur3x86(byte[] data, int length, int seed) {
		int c1 = 0xCC9E2D51;
		int c2 = 0x1B873593;
		int h1 = seed;
		int blocks = length / 4;
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
		int tailLength = length & 3;
		for (int i = tailLength - 1; i >= 0; i--) {
			k1 ^= (data[tail + i] & 0xFF) << (8 * i);
		}
		if (tailLength > 0) {
			k1 *= c1;
			k1 = Integer.rotateLeft(k1, 15);
			k1 *= c2;
			h1 ^= k1;
		}
		h1 ^= length;
		h1 ^= h1 >>> 16;
		h1 *= 0x85EBCA6B;
		h1 ^= h1 >>> 13;
		h1 *= 0xC2B2AE35;
		h1 ^= h1 >>> 16;
		return h1 & 0xFFFFFFFFL;
	}

	/**
	 * Returns the digest of the UTF-8 bytes of three strings written one after the other
	 * (as of {@code first + second + third}), read as an unsigned big-endian integer,
	 * modulo a divisor (as Python's {@code int(hexdigest, 16) % divisor}). The bytes, the
	 * digester and the digest are kept per thread, so a call allocates nothing.
	 * @param algorithm {@code SHA-256} or {@code MD5}
	 * @param first the first string
	 * @param second the second string
	 * @param third the third string
	 * @param divisor the divisor, positive
	 * @return the remainder
	 */
	public static int digestRemainder(String algorithm, String first, String second, String third, int divisor) {
		Scratch scratch = SCRATCH.get();
		int length = scratch.utf8(first, second, third);
		MessageDigest digester = scratch.digester(algorithm);
		digester.update(scratch.bytes, 0, length);
		int size = digester.getDigestLength();
		try {
			digester.digest(scratch.digest, 0, size);
		}
		catch (DigestException ex) {
			throw new IllegalStateException("The " + algorithm + " digest does not fit " + size + " bytes", ex);
		}
		scratch.trim();
		long remainder = 0;
		for (int i = 0; i < size; i++) {
			remainder = ((remainder << 8) | (scratch.digest[i] & 0xFF)) % divisor;
		}
		return (int) remainder;
	}

	/**
	 * Per thread: the UTF-8 bytes being hashed and, for the legacy schemes, one digester
	 * per algorithm (looking a digest up in the security providers on every evaluation
	 * costs more than the digest itself) and the digest's bytes.
	 */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	/** The largest byte buffer a thread keeps between calls. */
	static final int KEPT_BYTES = 4096;

	private static final class Scratch {

		byte[] bytes = new byte[128];

		/**
		 * Drops a buffer a long key grew past {@link #KEPT_BYTES}, once its bytes are
		 * hashed.
		 */
		void trim() {
			if (this.bytes.length > KEPT_BYTES) {
				this.bytes = new byte[128];
			}
		}

		final byte[] digest = new byte[64];

		private @Nullable MessageDigest sha256;

		private @Nullable MessageDigest md5;

		MessageDigest digester(String algorithm) {
			switch (algorithm) {
				case "SHA-256":
					if (this.sha256 == null) {
						this.sha256 = newDigest(algorithm);
					}
					return this.sha256;
				case "MD5":
					if (this.md5 == null) {
						this.md5 = newDigest(algorithm);
					}
					return this.md5;
				default:
					return newDigest(algorithm);
			}
		}

		/**
		 * Encodes three strings into {@link #bytes} as UTF-8, an unpaired surrogate as
		 * {@code ?} (as {@link String#getBytes(java.nio.charset.Charset)} does).
		 * @return the number of bytes
		 */
		int utf8(String first, String second, String third) {
			int chars = first.length() + second.length() + third.length();
			if (this.bytes.length < chars * 3) {
				this.bytes = new byte[Math.max(chars * 3, this.bytes.length * 2)];
			}
			if (endsWithHighSurrogate(first) || endsWithHighSurrogate(second)) {
				// a surrogate pair split between two parts: encode the pair as one
				return encode(first + second + third, 0);
			}
			int position = encode(first, 0);
			position = encode(second, position);
			return encode(third, position);
		}

		private static boolean endsWithHighSurrogate(String text) {
			return !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1));
		}

		private int encode(String text, int start) {
			byte[] out = this.bytes;
			int position = start;
			int length = text.length();
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (c < 0x80) {
					out[position++] = (byte) c;
				}
				else if (c < 0x800) {
					out[position++] = (byte) (0xC0 | (c >> 6));
					out[position++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					if (Character.isHighSurrogate(c) && i + 1 < length
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						int codePoint = Character.toCodePoint(c, text.charAt(++i));
						out[position++] = (byte) (0xF0 | (codePoint >> 18));
						out[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
						out[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
						out[position++] = (byte) (0x80 | (codePoint & 0x3F));
					}
					else {
						out[position++] = '?';
					}
				}
				else {
					out[position++] = (byte) (0xE0 | (c >> 12));
					out[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					out[position++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			return position;
		}

	}

	private static MessageDigest newDigest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JVM lacks the " + algorithm + " digest every JVM must provide", ex);
		}
	}

}
