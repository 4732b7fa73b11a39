package io.flagstaff;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.internal.ContextBuilder;
import io.flagstaff.internal.DefaultFeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * Who and where a flag is evaluated for: a bucketing key (the user id), an optional
 * session id, an environment, and a small map of attributes ({@code region},
 * {@code accountType}, any custom attribute). Immutable and thread-safe; build one per
 * request with {@link #builder()} and reuse it for every flag evaluated in that request:
 * evaluating a reused context allocates nothing, and what it computes for a rollout (once
 * per context, not per flag) it keeps.
 * <p>
 * Two contexts are equal when their user id, session id, environment, time and attributes
 * are equal, whatever order the attributes were set in. Applications do not extend this
 * class: Flagstaff's own implementation is the one every factory returns.
 */
public abstract class FeatureContext {

	/**
	 * For Flagstaff's implementation only; applications build contexts with
	 * {@link #builder()}.
	 */
	protected FeatureContext() {
	}

	/**
	 * Returns the context without user, session, environment or attributes.
	 * @return the empty context
	 */
	public static FeatureContext empty() {
		return DefaultFeatureContext.EMPTY;
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
		return new ContextBuilder();
	}

	/**
	 * Returns the user id, the default bucketing key.
	 * @return the user id, or {@code null}
	 */
	public abstract @Nullable String userId();

	/**
	 * Returns the session id.
	 * @return the session id, or {@code null}
	 */
	public abstract @Nullable String sessionId();

	/**
	 * Returns the environment; the evaluator's environment applies when {@code null}.
	 * @return the environment, or {@code null}
	 */
	public abstract @Nullable String environment();

	/**
	 * Returns the time to evaluate at; the evaluator's clock applies when {@code null}.
	 * @return the time, or {@code null}
	 */
	public abstract @Nullable Instant currentTime();

	/**
	 * Returns the custom attributes (not including user id, session id and environment).
	 * @return an unmodifiable map, in the order the attributes were set
	 */
	public abstract Map<String, String> attributes();

	/**
	 * Returns a custom attribute by name, without the special meaning of {@code userId},
	 * {@code sessionId} and {@code environment} that {@link #attribute(String)} gives
	 * them: the same as {@code attributes().get(name)}, without creating the map view.
	 * @param name the attribute name
	 * @return the value, or {@code null} when absent
	 */
	public abstract @Nullable String customAttribute(String name);

	/**
	 * Returns an attribute by name. The names {@code userId}, {@code sessionId} and
	 * {@code environment} designate those fields; other names are looked up in
	 * {@link #attributes()}.
	 * @param name the attribute name
	 * @return the value, or {@code null} when absent
	 */
	public final @Nullable String attribute(String name) {
		return switch (name) {
			case "userId" -> userId();
			case "sessionId" -> sessionId();
			case "environment" -> environment();
			default -> customAttribute(name);
		};
	}

	/**
	 * Returns whether the context carries a user id, a session id or any custom attribute
	 * (the environment and the time do not count).
	 * @return {@code true} when something identifies who is evaluated
	 */
	public abstract boolean hasIdentity();

	/**
	 * Returns whether the context carries nothing: no user, session, environment, time or
	 * attribute.
	 * @return {@code true} when empty
	 */
	public final boolean isEmpty() {
		return !hasIdentity() && environment() == null && currentTime() == null;
	}

	/**
	 * Starts a builder holding this context's values.
	 * @return a builder
	 */
	public abstract Builder toBuilder();

	@Override
	public final boolean equals(@Nullable Object obj) {
		return this == obj || obj instanceof FeatureContext other && Objects.equals(userId(), other.userId())
				&& Objects.equals(sessionId(), other.sessionId()) && Objects.equals(environment(), other.environment())
				&& Objects.equals(currentTime(), other.currentTime()) && attributes().equals(other.attributes());
	}

	@Override
	public final int hashCode() {
		return Objects.hash(userId(), sessionId(), environment(), currentTime(), attributes());
	}

	@Override
	public final String toString() {
		return "FeatureContext[userId=" + userId() + ", sessionId=" + sessionId() + ", environment=" + environment()
				+ ", attributes=" + attributes() + "]";
	}

	/**
	 * Builds a {@link FeatureContext}. Not thread-safe. Building allocates the context
	 * and one small array of attributes, shared with the built context (a builder changed
	 * after {@link #build()} copies it first).
	 */
	public interface Builder {

		/**
		 * Sets the user id.
		 * @param userId the user id, or {@code null}
		 * @return this builder
		 */
		Builder userId(@Nullable String userId);

		/**
		 * Sets the session id.
		 * @param sessionId the session id, or {@code null}
		 * @return this builder
		 */
		Builder sessionId(@Nullable String sessionId);

		/**
		 * Sets the environment.
		 * @param environment the environment, or {@code null} for the evaluator's
		 * @return this builder
		 */
		Builder environment(@Nullable String environment);

		/**
		 * Sets the time to evaluate at.
		 * @param currentTime the time, or {@code null} for the evaluator's clock
		 * @return this builder
		 */
		Builder currentTime(@Nullable Instant currentTime);

		/**
		 * Sets an attribute; {@code userId}, {@code sessionId} and {@code environment}
		 * set those fields. A {@code null} value removes the attribute.
		 * @param name the attribute name
		 * @param value the value
		 * @return this builder
		 */
		Builder attribute(String name, @Nullable String value);

		/**
		 * Sets an attribute like {@link #attribute(String, String)}, converting the value
		 * with {@link Object#toString()}.
		 * @param name the attribute name
		 * @param value the value, or {@code null} to remove the attribute
		 * @return this builder
		 */
		default Builder attribute(String name, @Nullable Object value) {
			return attribute(name, (value != null) ? value.toString() : null);
		}

		/**
		 * Sets several attributes.
		 * @param attributes the attributes
		 * @return this builder
		 */
		default Builder attributes(Map<String, ?> attributes) {
			attributes.forEach(this::attribute);
			return this;
		}

		/**
		 * Builds the context.
		 * @return the context
		 */
		FeatureContext build();

	}

}
