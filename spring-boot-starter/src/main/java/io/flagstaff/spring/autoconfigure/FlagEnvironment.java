package io.flagstaff.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The environment flags are evaluated in when a context names none, and where it came
 * from: {@code flagstaff.environment}, else the first active Spring profile, else none.
 *
 * @param name the environment, or {@code null} for none
 * @param fromProperty whether {@code flagstaff.environment} set it
 */
record FlagEnvironment(@Nullable String name, boolean fromProperty) {

	static FlagEnvironment of(FlagstaffProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getEnvironment())) {
			return new FlagEnvironment(properties.getEnvironment(), true);
		}
		String[] profiles = environment.getActiveProfiles();
		return new FlagEnvironment((profiles.length > 0) ? profiles[0] : null, false);
	}

	/**
	 * Describes the environment and its origin, for the startup log.
	 * @return one sentence
	 */
	String describe() {
		if (this.name == null) {
			return "Flagstaff evaluates flags in no environment (neither flagstaff.environment nor an active profile "
					+ "is set): flags that list environments are off";
		}
		return "Flagstaff evaluates flags in environment '" + this.name + "' (" + (this.fromProperty
				? "from flagstaff.environment" : "from the active profile; set flagstaff.environment to choose") + ")";
	}

}
