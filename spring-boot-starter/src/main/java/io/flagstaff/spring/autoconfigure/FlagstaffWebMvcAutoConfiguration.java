package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.web.FeatureDisabledExceptionHandler;
import io.flagstaff.spring.web.FeatureScopeFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configures Spring MVC support: the filter that pins one snapshot per request and
 * the handler that answers {@code FeatureDisabledException} with 404 (or 503).
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(Flagstaff.class)
public final class FlagstaffWebMvcAutoConfiguration {

	/**
	 * The filter pinning one snapshot per request.
	 * @param flagstaff the evaluator
	 * @param resolver the context resolver
	 * @param properties the properties
	 * @return the filter
	 */
	@Bean
	@ConditionalOnMissingBean
	FeatureScopeFilter featureScopeFilter(Flagstaff flagstaff, FeatureContextResolver resolver,
			FlagstaffProperties properties) {
		return new FeatureScopeFilter(flagstaff, resolver, properties.getWeb().getFilterOrder());
	}

	/**
	 * The handler answering requests that reached disabled code.
	 * @param properties the properties
	 * @return the handler
	 */
	@Bean
	@ConditionalOnMissingBean
	FeatureDisabledExceptionHandler featureDisabledExceptionHandler(FlagstaffProperties properties) {
		return new FeatureDisabledExceptionHandler(HttpStatus.valueOf(properties.getWeb().getDisabledStatus()));
	}

}
