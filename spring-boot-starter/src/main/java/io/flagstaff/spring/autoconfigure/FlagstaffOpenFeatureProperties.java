package io.flagstaff.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the OpenFeature provider, under
 * {@code flagstaff.openfeature}.
 */
@ConfigurationProperties("flagstaff.openfeature")
public class FlagstaffOpenFeatureProperties {

	/**
	 * Whether to register Flagstaff as an OpenFeature provider and expose an OpenFeature
	 * Client bean (when the SDK and flagstaff-openfeature are on the classpath).
	 */
	private boolean enabled = true;

	/**
	 * OpenFeature domain to register the provider for. By default it is the default
	 * provider, used by every client without a domain of its own.
	 */
	private @Nullable String domain;

	/**
	 * Whether to record each OpenFeature evaluation on the current Micrometer observation
	 * (OpenTelemetry semantic conventions for feature flags), when an ObservationRegistry
	 * bean exists.
	 */
	private boolean observations = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public boolean isObservations() {
		return this.observations;
	}

	public void setObservations(boolean observations) {
		this.observations = observations;
	}

}
