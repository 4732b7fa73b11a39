package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.spring.diagnostics.FlagKeyCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link HygieneInspector} that reports flag debt (expired, unused,
 * constant, ownerless flags, missing prerequisites, keys the code names that no flag has,
 * flags no code names). The {@code features} actuator endpoint shows its report.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnClass(HygieneInspector.class)
@ConditionalOnBean(Flagstaff.class)
@EnableConfigurationProperties(FlagstaffProperties.class)
@ConditionalOnBooleanProperty(name = "flagstaff.hygiene.enabled", matchIfMissing = true)
public final class FlagstaffHygieneAutoConfiguration {

	/**
	 * The inspector.
	 * @param properties the properties (the periods)
	 * @param keys the check that collects the flag keys the application's beans name
	 * @return the inspector
	 */
	@Bean
	@ConditionalOnMissingBean
	HygieneInspector hygieneInspector(FlagstaffProperties properties, ObjectProvider<FlagKeyCheck> keys) {
		FlagstaffProperties.Hygiene hygiene = properties.getHygiene();
		return HygieneInspector.builder()
			.notEvaluatedFor(hygiene.getNotEvaluatedFor())
			.unchangedFor(hygiene.getUnchangedFor())
			.references(() -> {
				FlagKeyCheck check = keys.getIfUnique();
				return (check != null) ? check.references() : null;
			})
			.build();
	}

}
