package io.flagstaff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import io.flagstaff.internal.Hashing;
import org.jspecify.annotations.Nullable;

/**
 * Who and where a flag is evaluated for: a bucketing key (the user id), an optional
 * session id, an environment, and a small map of attributes ({@code region},
 * {@code accountType}, any custom attribute). Immutable and thread-safe; build one per
 * request and reuse it for every flag evaluated in that request.
 * <p>
 * Compact by design, because many applications build one per request: the attributes are
 * kept as name/value pairs in one array (looked up by a linear scan, fast for the handful
 * of attributes a context carries), and the hash of a bucketing key is computed on first
 * use and cached, so a context that only meets on/off flags never hashes anything, and
 * one that meets 50 rollouts hashes its user once.
 */
public final class FeatureContext {

	// before EMPTY, whose builder reads it
	private static final String[] NO_ATTRIBUTES = new String[0];

	private static final FeatureContext EMPTY = new Builder().build();

	private static final VarHandle USER_ID_HASH;

	private static final VarHandle SESSION_ID_HASH;

	private static final VarHandle ATTRIBUTE_HASHES;

	private static final VarHandle HASH_ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			USER_ID_HASH = lookup.findVarHandle(FeatureContext.class, "userIdHash", long.class);
			SESSION_ID_HASH = lookup.findVarHandle(FeatureContext.class, "sessionIdHash", long.class);
			ATTRIBUTE_HASHES = lookup.findVarHandle(FeatureContext.class, "attributeHashes", long[].class);
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

	/** The attributes as a map, created on first use. */
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

	private FeatureContext(Builder builder) {
		this.userId = builder.userId;
		this.sessionId = builder.sessionId;
		this.environment = builder.environment;
		this.currentTime = builder.currentTime;
		this.pairs = builder.pairs;
		this.attributeCount = builder.count;
		builder.shared = true;
	}

	/**
	 * Returns the context without user, session, environment or attributes.
	 * @return the empty context
	 */
	public static FeatureContext empty() {
		return EMPTY;
	}

	/**
	 * Creates a context for a user.
	 * @param userId the user id, used as the bucketing key
	 * @return the context
	 */
	public static FeatureContext ofUser(String userId) {
		return builder().userId(userId).build();
	}

	/**
	 * Starts a context builder.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the user id, the default bucketing key.
	 * @return the user id, or {@code null}
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Returns the session id.
	 * @return the session id, or {@code null}
	 */
	public @Nullable String sessionId() {
		return this.sessionId;
	}

	/**
	 * Returns the environment; the evaluator's environment applies when {@code null}.
	 * @return the environment, or {@code null}
	 */
	public @Nullable String environment() {
		return this.environment;
	}

	/**
	 * Returns the time to evaluate at; the evaluator's clock applies when {@code null}.
	 * @return the time, or {@code null}
	 */
	public @Nullable Instant currentTime() {
		return this.currentTime;
	}

	/**
	 * Returns the custom attributes (not including user id, session id and environment).
	 * @return an unmodifiable map
	 */
	public Map<String, String> attributes() {
		Map<String, String> map = this.attributeMap;
		if (map == null) {
			map = new AttributeMap(this.pairs, this.attributeCount);
			this.attributeMap = map;
		}
		return map;
	}

	/**
	 * Returns a custom attribute by name, without the special meaning of {@code userId},
	 * {@code sessionId} and {@code environment} that {@link #attribute(String)} gives
	 * them: the same as {@code attributes().get(name)}, without creating the map view.
	 * The evaluator reads conditions' attributes through this method.
	 * @param name the attribute name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String customAttribute(String name) {
		int index = indexOf(this.pairs, this.attributeCount, name);
		return (index >= 0) ? this.pairs[index + 1] : null;
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
	 * Returns an attribute by name. The names {@code userId}, {@code sessionId} and
	 * {@code environment} designate those fields; other names are looked up in
	 * {@link #attributes()}.
	 * @param name the attribute name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String attribute(String name) {
		return switch (name) {
			case "userId" -> this.userId;
			case "sessionId" -> this.sessionId;
			case "environment" -> this.environment;
			default -> customAttribute(name);
		};
	}

	/**
	 * Returns the 64-bit xxHash64 (seed 0) of an attribute value's UTF-8 bytes, the
	 * bucketing key hash of the default bucketing scheme. Computed on first use and
	 * cached in this context for {@code userId}, {@code sessionId} and every custom
	 * attribute, so a context evaluated against many flags hashes its bucketing key once;
	 * computed on each call for {@code environment}.
	 * @param name the attribute name, as for {@link #attribute(String)}
	 * @return the hash, or {@code 0} when the attribute is absent
	 */
	public long bucketingHash(String name) {
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

	/**
	 * Returns whether the context carries a user id, a session id or any custom attribute
	 * (the environment and the time do not count).
	 * @return {@code true} when something identifies who is evaluated
	 */
	public boolean hasIdentity() {
		return this.userId != null || this.sessionId != null || this.attributeCount > 0;
	}

	/**
	 * Returns whether the context carries nothing: no user, session, environment, time or
	 * attribute.
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return this.userId == null && this.sessionId == null && this.environment == null && this.currentTime == null
				&& this.attributeCount == 0;
	}

	/**
	 * Starts a builder holding this context's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.userId = this.userId;
		builder.sessionId = this.sessionId;
		builder.environment = this.environment;
		builder.currentTime = this.currentTime;
		builder.pairs = this.pairs;
		builder.count = this.attributeCount;
		builder.shared = true;
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof FeatureContext other && Objects.equals(this.userId, other.userId)
				&& Objects.equals(this.sessionId, other.sessionId)
				&& Objects.equals(this.environment, other.environment)
				&& Objects.equals(this.currentTime, other.currentTime) && sameAttributes(other);
	}

	private boolean sameAttributes(FeatureContext other) {
		if (this.attributeCount != other.attributeCount) {
			return false;
		}
		for (int i = 0; i < this.attributeCount * 2; i += 2) {
			if (!this.pairs[i + 1].equals(other.customAttribute(this.pairs[i]))) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int hashCode() {
		// the attributes hash as a Map's entries would, without building the map
		int attributes = 0;
		for (int i = 0; i < this.attributeCount * 2; i += 2) {
			attributes += this.pairs[i].hashCode() ^ this.pairs[i + 1].hashCode();
		}
		return Objects.hash(this.userId, this.sessionId, this.environment, this.currentTime, attributes);
	}

	@Override
	public String toString() {
		return "FeatureContext[userId=" + this.userId + ", sessionId=" + this.sessionId + ", environment="
				+ this.environment + ", attributes=" + attributes() + "]";
	}

	/**
	 * Builds a {@link FeatureContext}. Not thread-safe. Building allocates the context
	 * and one small array of attribute pairs (shared with the built context; a builder
	 * changed after {@link #build()} copies it first).
	 */
	public static final class Builder {

		private @Nullable String userId;

		private @Nullable String sessionId;

		private @Nullable String environment;

		private @Nullable Instant currentTime;

		private String[] pairs = NO_ATTRIBUTES;

		private int count;

		/** Whether {@link #pairs} belongs to a built context too. */
		private boolean shared;

		private Builder() {
		}

		/**
		 * Sets the user id.
		 * @param userId the user id, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Sets the session id.
		 * @param sessionId the session id, or {@code null}
		 * @return this builder
		 */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Sets the environment.
		 * @param environment the environment, or {@code null} for the evaluator's
		 * @return this builder
		 */
		public Builder environment(@Nullable String environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * Sets the time to evaluate at.
		 * @param currentTime the time, or {@code null} for the evaluator's clock
		 * @return this builder
		 */
		public Builder currentTime(@Nullable Instant currentTime) {
			this.currentTime = currentTime;
			return this;
		}

		/**
		 * Sets an attribute; {@code userId}, {@code sessionId} and {@code environment}
		 * set those fields. A {@code null} value removes the attribute.
		 * @param name the attribute name
		 * @param value the value, converted with {@link String#valueOf(Object)}
		 * @return this builder
		 */
		public Builder attribute(String name, @Nullable Object value) {
			return attribute(name, (value != null) ? value.toString() : null);
		}

		/**
		 * Sets an attribute; {@code userId}, {@code sessionId} and {@code environment}
		 * set those fields. A {@code null} value removes the attribute.
		 * @param name the attribute name
		 * @param value the value
		 * @return this builder
		 */
		public Builder attribute(String name, @Nullable String value) {
			Objects.requireNonNull(name, "name");
			// names that cannot be special skip the string switch, which keeps this
			// method small enough for the JIT to inline (and then not allocate the
			// builder)
			if (maybeSpecial(name)) {
				switch (name) {
					case "userId" -> {
						this.userId = value;
						return this;
					}
					case "sessionId" -> {
						this.sessionId = value;
						return this;
					}
					case "environment" -> {
						this.environment = value;
						return this;
					}
					default -> {
					}
				}
			}
			custom(name, value);
			return this;
		}

		/**
		 * Whether a name may be {@code userId}, {@code sessionId} or {@code environment}
		 * (cheap: their length and first letter).
		 */
		private static boolean maybeSpecial(String name) {
			return switch (name.length()) {
				case 6 -> name.charAt(0) == 'u';
				case 9 -> name.charAt(0) == 's';
				case 11 -> name.charAt(0) == 'e';
				default -> false;
			};
		}

		/**
		 * Adds, replaces or removes a custom attribute. Kept small, with the copying out
		 * of line in static methods that never see the builder, so the JIT inlines it and
		 * does not allocate the builder of a context built in one expression.
		 */
		private void custom(String name, @Nullable String value) {
			int index = indexOf(this.pairs, this.count, name);
			if (index < 0) {
				if (value != null) {
					int end = this.count * 2;
					if (this.shared || end == this.pairs.length) {
						this.pairs = copy(this.pairs, end, Math.max(4, end * 2));
						this.shared = false;
					}
					this.pairs[end] = name;
					this.pairs[end + 1] = value;
					this.count++;
				}
			}
			else if (!sameValue(this.pairs, index, value)) {
				this.pairs = changed(this.pairs, this.count, this.shared, index, value);
				this.shared = false;
				if (value == null) {
					this.count--;
				}
			}
		}

		private static boolean sameValue(String[] pairs, int index, @Nullable String value) {
			return value != null && value.equals(pairs[index + 1]);
		}

		/**
		 * Copies the first {@code used} elements into a new array of the given length
		 * (twice as many as used, at least two attributes: a typical context allocates
		 * one array of four elements)
		 */
		private static String[] copy(String[] pairs, int used, int length) {
			String[] copy = new String[length];
			System.arraycopy(pairs, 0, copy, 0, used);
			return copy;
		}

		/**
		 * Returns the pairs with the value at {@code index} replaced, or the pair removed
		 * when the value is {@code null}; copies them first when a built context shares
		 * them.
		 */
		private static String[] changed(String[] pairs, int count, boolean shared, int index, @Nullable String value) {
			String[] result = shared ? pairs.clone() : pairs;
			if (value != null) {
				result[index + 1] = value;
				return result;
			}
			int end = count * 2;
			System.arraycopy(result, index + 2, result, index, end - index - 2);
			result[end - 2] = null;
			result[end - 1] = null;
			return result;
		}

		/**
		 * Sets several attributes.
		 * @param attributes the attributes
		 * @return this builder
		 */
		public Builder attributes(Map<String, ?> attributes) {
			attributes.forEach(this::attribute);
			return this;
		}

		/**
		 * Builds the context.
		 * @return the context
		 */
		public FeatureContext build() {
			return new FeatureContext(this);
		}

	}

	/**
	 * The read-only map view of the attribute pairs, in insertion order.
	 */
	private static final class AttributeMap extends AbstractMap<String, String> {

		private final String[] pairs;

		private final int count;

		AttributeMap(String[] pairs, int count) {
			this.pairs = pairs;
			this.count = count;
		}

		@Override
		public @Nullable String get(@Nullable Object key) {
			int index = (key instanceof String name) ? indexOf(this.pairs, this.count, name) : -1;
			return (index >= 0) ? this.pairs[index + 1] : null;
		}

		@Override
		public boolean containsKey(@Nullable Object key) {
			return (key instanceof String name) && indexOf(this.pairs, this.count, name) >= 0;
		}

		@Override
		public int size() {
			return this.count;
		}

		@Override
		public Set<Map.Entry<String, String>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Map.Entry<String, String>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < AttributeMap.this.count;
						}

						@Override
						public Map.Entry<String, String> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int index = 2 * this.next++;
							return Map.entry(AttributeMap.this.pairs[index], AttributeMap.this.pairs[index + 1]);
						}

					};
				}

				@Override
				public int size() {
					return AttributeMap.this.count;
				}

			};
		}

	}

}
