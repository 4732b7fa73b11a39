package io.flagstaff.spring.autoconfigure;

import io.flagstaff.spring.diagnostics.FlagKeyCheck;
import io.flagstaff.spring.diagnostics.ReloadProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures what makes Flagstaff's startup and reloads visible: the bootstrap of
 * writable stores from {@code flagstaff.store.bootstrap-location}, the check of the flag
 * keys the application's beans name, and the reload problems that are logged once each
 * and shown by the {@code flagstaff} health indicator.
 */
@AutoConfiguration(before = FlagstaffAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "flagstaff.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagstaffProperties.class)
public final class FlagstaffDiagnosticsAutoConfiguration {

	/**
	 * Bootstraps each writable store bean as it is created.
	 * @param properties the properties, read when the first store is created
	 * @param loader reads the bootstrap document
	 * @return the post-processor
	 */
	@Bean
	static StoreBootstrapper flagstaffStoreBootstrapper(ObjectProvider<FlagstaffProperties> properties,
			ResourceLoader loader) {
		return new StoreBootstrapper(properties, loader);
	}

	/**
	 * Checks the flag keys the application's beans name, once every singleton exists.
	 * @param properties the properties ({@code flagstaff.strict})
	 * @return the check
	 */
	@Bean
	@ConditionalOnMissingBean
	FlagKeyCheck flagstaffFlagKeyCheck(FlagstaffProperties properties) {
		return new FlagKeyCheck(properties.isStrict());
	}

	/**
	 * Follows the reloads of the auto-configured {@code Flagstaff}.
	 * @return the listener
	 */
	@Bean
	@ConditionalOnMissingBean
	ReloadProblems flagstaffReloadProblems() {
		return new ReloadProblems();
	}

}
