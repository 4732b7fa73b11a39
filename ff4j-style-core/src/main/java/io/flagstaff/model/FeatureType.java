package io.flagstaff.model;

import java.util.Locale;

/**
 * What a flag is for. Used in reports and by the hygiene check; it does not change how a
 * flag is evaluated.
 */
public enum FeatureType {

	/** Ships code dark and rolls it out; expected to be removed once fully released. */
	RELEASE("release"),
	/** An A/B or multivariate experiment. */
	EXPERIMENT("experiment"),
	/** An operational toggle (degrade, fall back) kept for the long term. */
	OPS("ops"),
	/** Grants a capability to some users or accounts. */
	PERMISSION("permission"),
	/** A switch that turns a feature off in an emergency. */
	KILL_SWITCH("kill-switch");

	private final String configName;

	FeatureType(String configName) {
		this.configName = configName;
	}

	/**
	 * Returns the name used in configuration documents.
	 * @return the configuration name, for example {@code kill-switch}
	 */
	public String configName() {
		return this.configName;
	}

	/**
	 * Finds a type by its configuration name, ignoring case.
	 * @param name the configuration name
	 * @return the type, or {@code null} when no type has that name
	 */
	public static @org.jspecify.annotations.Nullable FeatureType fromConfigName(String name) {
		for (FeatureType type : values()) {
			if (type.configName.equals(name.toLowerCase(Locale.ROOT))) {
				return type;
			}
		}
		return null;
	}

}
