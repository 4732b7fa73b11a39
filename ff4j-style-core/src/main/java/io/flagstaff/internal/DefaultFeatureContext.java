package io.flagstaff.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FeatureContext} every factory builds, compact because many applications
 * build one per request: the attributes are kept as name/value pairs in one array (looked
 * up by a linear scan, fast for the handful of attributes a context carries), and the
 * xxHash64 of a bucketing key is computed on first use and cached, so a context that only
 * meets on/off flags never hashes anything, and one that meets 50 rollouts hashes its
 * user once. Immutable (the caches aside) and thread-safe.
 */
public final class DefaultFeatureContext extends FeatureContext {

	/** The empty context. */
	public static final DefaultFeatureContext EMPTY = new DefaultFeatureContext(null, null, null, null,
			ContextBuilder.NO_ATTRIBUTES, 0);

	private static final VarHandle USER_ID_HASH;

	private static final VarHandle SESSION_ID_HASH;

	private static final VarHandle ATTRIBUTE_HASHES;

	private static final VarHandle HASH_ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			USER_ID_HASH = lookup.findVarHandle(DefaultFeatureContext.class, "userIdHash", long.class);
			SESSION_ID_HASH = lookup.findVarHandle(DefaultFeatureContext.class, "sessionIdHash", long.class);
			ATTRIBUTE_HASHES = lookup.findVarHandle(DefaultFeatureContext.class, "attributeHashes", long[].class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final @Nullable String userId;

	private final @Nullable String sessionId;

	private final @Nullable String environment;

	private final @Nullable Instant currentTime;

	/**
	 * Name/value pairs: names at even indexes, values at odd ones, in insertion order;
	 * only the first {@link #attributeCount} pairs are used. Never modified once the
	 * context is built (a builder copies it before changing it again).
	 */
	private final String[] pairs;

	private final int attributeCount;

	/**
	 * The attributes as an unmodifiable map, created on first use (the evaluator reads
	 * them with {@link #customAttribute(String)} instead).
	 */
	private @Nullable Map<String, String> attributeMap;

	/**
	 * Cached bucketing hashes; {@code 0} means not computed yet (a key whose hash is
	 * {@code 0} is simply hashed again). Read and written with opaque access: a value is
	 * either absent or complete, and any thread computes the same one.
	 */
	private long userIdHash;

	private long sessionIdHash;

	/** Cached hashes of the custom attributes, by pair index, created on first use. */
	private long @Nullable [] attributeHashes;

	DefaultFeatureContext(@Nullable String userId, @Nullable String sessionId, @Nullable String environment,
			@Nullable Instant currentTime, String[] pairs, int attributeCount) {
		this.userId = userId;
		this.sessionId = sessionId;
		this.environment = environment;
		this.currentTime = currentTime;
		this.pairs = pairs;
		this.attributeCount = attributeCount;
	}

	@Override
	public @Nullable String userId() {
		return this.userId;
	}

	@Override
	public @Nullable String sessionId() {
		return this.sessionId;
	}

	@Override
	public @Nullable String environment() {
		return this.environment;
	}

	@Override
	public @Nullable Instant currentTime() {
		return this.currentTime;
	}

	@Override
	public Map<String, String> attributes() {
		Map<String, String> map = this.attributeMap;
		if (map == null) {
			Map<String, String> copy = new LinkedHashMap<>();
			for (int i = 0; i < this.attributeCount * 2; i += 2) {
				copy.put(this.pairs[i], this.pairs[i + 1]);
			}
			map = Collections.unmodifiableMap(copy);
			this.attributeMap = map;
		}
		return map;
	}

	@Override
	public @Nullable String customAttribute(String name) {
		int index = indexOf(this.pairs, this.attributeCount, name);
		return (index >= 0) ? this.pairs[index + 1] : null;
	}

	@Override
	public boolean hasIdentity() {
		return this.userId != null || this.sessionId != null || this.attributeCount > 0;
	}

	@Override
	public FeatureContext.Builder toBuilder() {
		return new ContextBuilder(this.userId, this.sessionId, this.environment, this.currentTime, this.pairs,
				this.attributeCount);
	}

	/**
	 * Returns the index of a name in name/value pairs, or {@code -1}.
	 */
	static int indexOf(String[] pairs, int count, @Nullable String name) {
		if (name == null) {
			return -1;
		}
		int hash = name.hashCode();
		int end = count * 2;
		for (int i = 0; i < end; i += 2) {
			String candidate = pairs[i];
			if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Returns the bucketing key hash of a context: the xxHash64 (seed 0) of an attribute
	 * value's UTF-8 bytes, as {@link #bucketingHash(String)} caches it for Flagstaff's
	 * own contexts, computed on each call for any other.
	 * @return the hash, or {@code 0} when the attribute is absent
	 */
	static long bucketingHash(FeatureContext context, String name) {
		if (context instanceof DefaultFeatureContext compact) {
			return compact.bucketingHash(name);
		}
		String value = context.attribute(name);
		return (value != null) ? Hashing.xxHash64(value) : 0;
	}

	/**
	 * Returns the xxHash64 (seed 0) of an attribute value's UTF-8 bytes. Computed on
	 * first use and cached for {@code userId}, {@code sessionId} and every custom
	 * attribute, so a context evaluated against many flags hashes its bucketing key once;
	 * computed on each call for {@code environment}.
	 * @param name the attribute name, as for {@link #attribute(String)}
	 * @return the hash, or {@code 0} when the attribute is absent
	 */
	long bucketingHash(String name) {
		switch (name) {
			case "userId":
				return userIdHash();
			case "sessionId":
				return sessionIdHash();
			case "environment":
				return (this.environment != null) ? Hashing.xxHash64(this.environment) : 0;
			default:
				return attributeHash(indexOf(this.pairs, this.attributeCount, name));
		}
	}

	private long userIdHash() {
		long hash = (long) USER_ID_HASH.getOpaque(this);
		if (hash == 0 && this.userId != null) {
			hash = Hashing.xxHash64(this.userId);
			USER_ID_HASH.setOpaque(this, hash);
		}
		return hash;
	}

	private long sessionIdHash() {
		long hash = (long) SESSION_ID_HASH.getOpaque(this);
		if (hash == 0 && this.sessionId != null) {
			hash = Hashing.xxHash64(this.sessionId);
			SESSION_ID_HASH.setOpaque(this, hash);
		}
		return hash;
	}

	private long attributeHash(int index) {
		if (index < 0) {
			return 0;
		}
		long[] hashes = (long[]) ATTRIBUTE_HASHES.getAcquire(this);
		if (hashes == null) {
			hashes = new long[this.attributeCount];
			ATTRIBUTE_HASHES.setRelease(this, hashes);
		}
		int slot = index / 2;
		long hash = (long) HASH_ELEMENT.getOpaque(hashes, slot);
		if (hash == 0) {
			hash = Hashing.xxHash64(this.pairs[index + 1]);
			HASH_ELEMENT.setOpaque(hashes, slot, hash);
		}
		return hash;
	}

}
