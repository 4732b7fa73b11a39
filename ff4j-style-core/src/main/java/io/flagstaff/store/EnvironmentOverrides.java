package io.flagstaff.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Forces flags from environment variables and system properties, above the stores they
 * are applied to (see {@link LayeredFeatureStore}):
 * <ul>
 * <li>{@code FLAGSTAFF_<KEY>=on|off} where {@code <KEY>} is the flag key upper-cased with
 * {@code -} and {@code .} turned into {@code _} ({@code new-checkout} →
 * {@code FLAGSTAFF_NEW_CHECKOUT});</li>
 * <li>{@code FLAGSTAFF_<KEY>=variant:<name>} forces the flag on serving one variant;</li>
 * <li>system properties {@code flagstaff.<key>=on|off|variant:<name>} with the key as
 * written; they win over environment variables.</li>
 * </ul>
 * {@code true}/{@code false} are accepted for {@code on}/{@code off}. A forced flag is on
 * (or off) for every context: its environments, schedule, prerequisites, lists, rules,
 * rollout and any kill are ignored. Variables that name no flag are ignored (so
 * {@code FLAGSTAFF_*} settings of other tools do not clash); a bad value for an existing
 * flag fails the load. Immutable.
 */
public final class EnvironmentOverrides {

	/** No overrides. */
	public static final EnvironmentOverrides NONE = new EnvironmentOverrides(Map.of(), Map.of());

	private static final String ENV_PREFIX = "FLAGSTAFF_";

	private static final String PROPERTY_PREFIX = "flagstaff.";

	private final Map<String, String> environment;

	private final Map<String, String> properties;

	private EnvironmentOverrides(Map<String, String> environment, Map<String, String> properties) {
		this.environment = Map.copyOf(environment);
		this.properties = Map.copyOf(properties);
	}

	/**
	 * Reads the process's environment variables and system properties (once, now).
	 * @return the overrides
	 */
	public static EnvironmentOverrides fromSystem() {
		return of(System.getenv(), System.getProperties());
	}

	/**
	 * Creates overrides from the given variables, for tests.
	 * @param environment environment variables by name
	 * @param properties system properties
	 * @return the overrides
	 */
	public static EnvironmentOverrides of(Map<String, String> environment, Properties properties) {
		Map<String, String> copy = new LinkedHashMap<>();
		for (String name : properties.stringPropertyNames()) {
			if (name.startsWith(PROPERTY_PREFIX)) {
				copy.put(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name));
			}
		}
		Map<String, String> env = new LinkedHashMap<>();
		environment.forEach((name, value) -> {
			if (name.startsWith(ENV_PREFIX)) {
				env.put(name.substring(ENV_PREFIX.length()), value);
			}
		});
		return new EnvironmentOverrides(env, copy);
	}

	/**
	 * Creates overrides from environment variables only, for tests.
	 * @param environment environment variables by name
	 * @return the overrides
	 */
	public static EnvironmentOverrides of(Map<String, String> environment) {
		return of(environment, new Properties());
	}

	/**
	 * Returns the environment variable name that overrides a flag.
	 * @param key the flag key
	 * @return for example {@code FLAGSTAFF_NEW_CHECKOUT}
	 */
	public static String variableName(String key) {
		return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
	}

	/**
	 * Returns the raw override of a flag, if any.
	 * @param key the flag key
	 * @return {@code on}, {@code off}, {@code variant:<name>} as given, or {@code null}
	 */
	public @Nullable String valueFor(String key) {
		String property = this.properties.get(key);
		if (property != null) {
			return property.trim();
		}
		String variable = this.environment.get(variableName(key).substring(ENV_PREFIX.length()));
		return (variable != null) ? variable.trim() : null;
	}

	/**
	 * Applies the overrides to a set of flags.
	 * @param set the flags below
	 * @return the set with forced flags replaced
	 * @throws FeatureConfigException naming every override with a bad value
	 */
	public FeatureSet applyTo(FeatureSet set) {
		if (this.environment.isEmpty() && this.properties.isEmpty()) {
			return set;
		}
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		List<ConfigProblem> problems = new ArrayList<>();
		for (FeatureDefinition feature : set.features().values()) {
			String value = valueFor(feature.key());
			features.put(feature.key(), (value != null) ? force(feature, value, problems) : feature);
		}
		if (!problems.isEmpty()) {
			throw new FeatureConfigException("environment overrides", problems);
		}
		return new FeatureSet(set.segments(), features);
	}

	private FeatureDefinition force(FeatureDefinition feature, String value, List<ConfigProblem> problems) {
		String where = this.properties.containsKey(feature.key()) ? PROPERTY_PREFIX + feature.key()
				: variableName(feature.key());
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.equals("on") || lower.equals("true")) {
			return forcedOn(feature).build();
		}
		if (lower.equals("off") || lower.equals("false")) {
			return feature.toBuilder().enabled(false).build();
		}
		if (lower.startsWith("variant:")) {
			String variant = value.substring("variant:".length()).trim();
			List<VariantDefinition> variants = new ArrayList<>();
			boolean found = false;
			for (VariantDefinition candidate : feature.variants()) {
				found |= candidate.name().equals(variant);
				variants.add(new VariantDefinition(candidate.name(), candidate.name().equals(variant) ? 1 : 0,
						candidate.value(), List.of()));
			}
			if (found) {
				return forcedOn(feature).variants(variants).build();
			}
			problems.add(new ConfigProblem(where, "flag '" + feature.key() + "' has no variant '" + variant
					+ "'; use one of " + feature.variants().stream().map(VariantDefinition::name).toList()));
			return feature;
		}
		problems.add(new ConfigProblem(where, "must be on, off or variant:<name>, was '" + value + "'"));
		return feature;
	}

	private static FeatureDefinition.Builder forcedOn(FeatureDefinition feature) {
		return feature.toBuilder()
			.enabled(true)
			.killed(null)
			.environments(List.of())
			.schedule(null)
			.requires(List.of())
			.allow(List.of())
			.deny(List.of())
			.rules(List.of())
			.rollout(null);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof EnvironmentOverrides that && this.environment.equals(that.environment)
				&& this.properties.equals(that.properties);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.environment, this.properties);
	}

	@Override
	public String toString() {
		return "environment overrides " + this.environment.keySet() + " " + this.properties.keySet();
	}

}
