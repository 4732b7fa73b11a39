package io.flagstaff;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.internal.Hashing;
import org.jspecify.annotations.Nullable;

/**
 * Who and where a flag is evaluated for: a bucketing key (the user id), an optional
 * session id, an environment, and a small map of attributes ({@code region},
 * {@code accountType}, any custom attribute). Immutable and thread-safe; build one per
 * request and reuse it for every flag evaluated in that request.
 */
public final class FeatureContext {

	private static final FeatureContext EMPTY = new Builder().build();

	private final @Nullable String userId;

	private final @Nullable String sessionId;

	private final @Nullable String environment;

	private final @Nullable Instant currentTime;

	private final Map<String, String> attributes;

	private final long userIdHash;

	private final long sessionIdHash;

	private FeatureContext(Builder builder) {
		this.userId = builder.userId;
		this.sessionId = builder.sessionId;
		this.environment = builder.environment;
		this.currentTime = builder.currentTime;
		this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
		this.userIdHash = (this.userId != null) ? Hashing.xxHash64(this.userId) : 0;
		this.sessionIdHash = (this.sessionId != null) ? Hashing.xxHash64(this.sessionId) : 0;
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
		return this.attributes;
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
			default -> this.attributes.get(name);
		};
	}

	/**
	 * Returns the 64-bit xxHash64 (seed 0) of an attribute value's UTF-8 bytes, the
	 * bucketing key hash of the default bucketing scheme. Computed once when the context
	 * is built for {@code userId} and {@code sessionId}; computed on each call, without
	 * allocating for ASCII values, for other attributes.
	 * @param name the attribute name, as for {@link #attribute(String)}
	 * @return the hash, or {@code 0} when the attribute is absent
	 */
	public long bucketingHash(String name) {
		switch (name) {
			case "userId":
				return this.userIdHash;
			case "sessionId":
				return this.sessionIdHash;
			default:
				String value = attribute(name);
				return (value != null) ? Hashing.xxHash64(value) : 0;
		}
	}

	/**
	 * Returns whether the context carries a user id, a session id or any custom attribute
	 * (the environment and the time do not count).
	 * @return {@code true} when something identifies who is evaluated
	 */
	public boolean hasIdentity() {
		return this.userId != null || this.sessionId != null || !this.attributes.isEmpty();
	}

	/**
	 * Returns whether the context carries nothing: no user, session, environment, time or
	 * attribute.
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return this.userId == null && this.sessionId == null && this.environment == null && this.currentTime == null
				&& this.attributes.isEmpty();
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
		builder.attributes.putAll(this.attributes);
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
				&& Objects.equals(this.currentTime, other.currentTime) && this.attributes.equals(other.attributes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.userId, this.sessionId, this.environment, this.currentTime, this.attributes);
	}

	@Override
	public String toString() {
		return "FeatureContext[userId=" + this.userId + ", sessionId=" + this.sessionId + ", environment="
				+ this.environment + ", attributes=" + this.attributes + "]";
	}

	/**
	 * Builds a {@link FeatureContext}. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String userId;

		private @Nullable String sessionId;

		private @Nullable String environment;

		private @Nullable Instant currentTime;

		private final Map<String, String> attributes = new LinkedHashMap<>();

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
			Objects.requireNonNull(name, "name");
			String text = (value != null) ? String.valueOf(value) : null;
			switch (name) {
				case "userId" -> this.userId = text;
				case "sessionId" -> this.sessionId = text;
				case "environment" -> this.environment = text;
				default -> {
					if (text != null) {
						this.attributes.put(name, text);
					}
					else {
						this.attributes.remove(name);
					}
				}
			}
			return this;
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

}
