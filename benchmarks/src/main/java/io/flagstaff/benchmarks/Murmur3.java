package io.flagstaff.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 x86 32-bit, the hash most flag SDKs use for sticky bucketing; used here as
 * the "bare hash per call" floor. Stateless and thread-safe.
 */
public final class Murmur3 {

	private static final int C1 = 0xcc9e2d51;

	private static final int C2 = 0x1b873593;

	private Murmur3() {
	}

	/**
	 * Hashes bytes with murmur3_x86_32.
	 * @param data the bytes to hash
	 * @param seed the seed
	 * @return the 32-bit hash
	 */
	public static int hash32(byte[] data, int seed) {
		int h = seed;
		int blocks = data.length >>> 2;
		for (int i = 0; i < blocks; i++) {
			int offset = i << 2;
			int k = (data[offset] & 0xff) | ((data[offset + 1] & 0xff) << 8) | ((data[offset + 2] & 0xff) << 16)
					| ((data[offset + 3] & 0xff) << 24);
			h = mixH(h, mixK(k));
		}
		int tail = blocks << 2;
		int remaining = data.length & 3;
		if (remaining > 0) {
			int k = 0;
			for (int i = remaining - 1; i >= 0; i--) {
				k = (k << 8) | (data[tail + i] & 0xff);
			}
			h ^= mixK(k);
		}
		return fmix(h ^ data.length);
	}

	/**
	 * Hashes the UTF-8 bytes of {@code key + ":" + id} with murmur3_x86_32, without
	 * building the string when both parts are ASCII (the usual case for flag keys and
	 * user ids).
	 * @param key the flag key
	 * @param id the bucketing id
	 * @param seed the seed
	 * @return the 32-bit hash, equal to
	 * {@code hash32((key + ":" + id).getBytes(UTF_8), seed)}
	 */
	public static int hashKeyAndId(String key, String id, int seed) {
		if (!isAscii(key) || !isAscii(id)) {
			return hash32((key + ":" + id).getBytes(StandardCharsets.UTF_8), seed);
		}
		int length = key.length() + 1 + id.length();
		int h = seed;
		int k = 0;
		int shift = 0;
		for (int i = 0; i < length; i++) {
			k |= byteAt(key, id, i) << shift;
			shift += 8;
			if (shift == 32) {
				h = mixH(h, mixK(k));
				k = 0;
				shift = 0;
			}
		}
		if (shift != 0) {
			h ^= mixK(k);
		}
		return fmix(h ^ length);
	}

	private static int byteAt(String key, String id, int index) {
		int keyLength = key.length();
		if (index < keyLength) {
			return key.charAt(index);
		}
		return (index == keyLength) ? ':' : id.charAt(index - keyLength - 1);
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static int mixK(int k) {
		k *= C1;
		k = Integer.rotateLeft(k, 15);
		return k * C2;
	}

	private static int mixH(int h, int k) {
		h ^= k;
		h = Integer.rotateLeft(h, 13);
		return h * 5 + 0xe6546b64;
	}

	private static int fmix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

	/**
	 * Maps a user to a bucket in {@code [0, 100)} for a flag, the way the OpenFeature
	 * context evaluators of these benchmarks do.
	 * @param key the flag key
	 * @param id the user id
	 * @return the bucket
	 */
	public static int bucket100(String key, String id) {
		return (int) (Integer.toUnsignedLong(hashKeyAndId(key, id, 0)) % 100);
	}

}
