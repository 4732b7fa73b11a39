package io.flagstaff.internal;

import java.time.Instant;
import java.util.Objects;

import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FeatureContext.Builder} behind {@link FeatureContext#builder()}: collects
 * the attributes as name/value pairs in one array, shared with the context it builds and
 * copied only when changed afterwards. Kept small, with the copying out of line in static
 * methods that never see the builder, so the JIT inlines it and does not allocate the
 * builder of a context built in one expression. Not thread-safe.
 */
public final class ContextBuilder implements FeatureContext.Builder {

	static final String[] NO_ATTRIBUTES = new String[0];

	private @Nullable String userId;

	private @Nullable String sessionId;

	private @Nullable String environment;

	private @Nullable Instant currentTime;

	private String[] pairs;

	private int count;

	/** Whether {@link #pairs} belongs to a built context too. */
	private boolean shared;

	/**
	 * Starts an empty builder.
	 */
	public ContextBuilder() {
		this.pairs = NO_ATTRIBUTES;
	}

	ContextBuilder(@Nullable String userId, @Nullable String sessionId, @Nullable String environment,
			@Nullable Instant currentTime, String[] pairs, int count) {
		this.userId = userId;
		this.sessionId = sessionId;
		this.environment = environment;
		this.currentTime = currentTime;
		this.pairs = pairs;
		this.count = count;
		this.shared = true;
	}

	@Override
	public ContextBuilder userId(@Nullable String userId) {
		this.userId = userId;
		return this;
	}

	@Override
	public ContextBuilder sessionId(@Nullable String sessionId) {
		this.sessionId = sessionId;
		return this;
	}

	@Override
	public ContextBuilder environment(@Nullable String environment) {
		this.environment = environment;
		return this;
	}

	@Override
	public ContextBuilder currentTime(@Nullable Instant currentTime) {
		this.currentTime = currentTime;
		return this;
	}

	@Override
	public ContextBuilder attribute(String name, @Nullable String value) {
		Objects.requireNonNull(name, "name");
		// names that cannot be special skip the string switch, which keeps this method
		// small enough for the JIT to inline (and then not allocate the builder)
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
	 * Adds, replaces or removes a custom attribute.
	 */
	private void custom(String name, @Nullable String value) {
		int index = DefaultFeatureContext.indexOf(this.pairs, this.count, name);
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
	 * Copies the first {@code used} elements into a new array of the given length (twice
	 * as many as used, at least two attributes: a typical context allocates one array of
	 * four elements).
	 */
	private static String[] copy(String[] pairs, int used, int length) {
		String[] copy = new String[length];
		System.arraycopy(pairs, 0, copy, 0, used);
		return copy;
	}

	/**
	 * Returns the pairs with the value at {@code index} replaced, or the pair removed
	 * when the value is {@code null}; copies them first when a built context shares them.
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

	@Override
	public FeatureContext build() {
		this.shared = true;
		return new DefaultFeatureContext(this.userId, this.sessionId, this.environment, this.currentTime, this.pairs,
				this.count);
	}

}
