package io.flagstaff.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The flag states a test forces: {@code "on"}, {@code "off"} or a variant name by flag
 * key, in the order they were declared. Inject it into a {@link FeatureMatrix} test to
 * read the current combination, or into any other test of the extension to read what its
 * annotations force. Immutable and thread-safe.
 *
 * @param states the states by flag key
 */
public record FeatureStates(Map<String, String> states) {

	/** The state of a flag forced on without a variant. */
	public static final String ON = "on";

	/** The state of a flag forced off. */
	public static final String OFF = "off";

	public FeatureStates {
		Objects.requireNonNull(states, "states");
		states.forEach((key, state) -> {
			Objects.requireNonNull(key, "flag key");
			Objects.requireNonNull(state, () -> "state of flag '" + key + "'");
		});
		states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
	}

	/**
	 * Returns the keys of the forced flags.
	 * @return the keys, in declaration order
	 */
	public Set<String> keys() {
		return this.states.keySet();
	}

	/**
	 * Returns the forced state of a flag.
	 * @param key the flag key
	 * @return {@code "on"}, {@code "off"} or the variant name
	 * @throws IllegalArgumentException when the flag is not forced here
	 */
	public String state(String key) {
		String state = this.states.get(key);
		if (state == null) {
			throw new IllegalArgumentException(
					"Flag '" + key + "' is not forced here; forced flags are " + this.states.keySet());
		}
		return state;
	}

	/**
	 * Returns whether a flag is forced on (with or without a variant).
	 * @param key the flag key
	 * @return whether the forced state is anything but {@code off}
	 * @throws IllegalArgumentException when the flag is not forced here
	 */
	public boolean isEnabled(String key) {
		return !OFF.equals(state(key));
	}

	/**
	 * Returns the variant a flag is forced to.
	 * @param key the flag key
	 * @return the variant name, or {@code null} when the flag is forced plainly on or off
	 * @throws IllegalArgumentException when the flag is not forced here
	 */
	public @Nullable String variant(String key) {
		String state = state(key);
		return (ON.equals(state) || OFF.equals(state)) ? null : state;
	}

	/**
	 * Returns the states as a display name, for example {@code [a=on, b=off]}.
	 * @return the display name
	 */
	@Override
	public String toString() {
		return this.states.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", ", "[", "]"));
	}

}
