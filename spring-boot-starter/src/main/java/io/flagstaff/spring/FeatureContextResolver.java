package io.flagstaff.spring;

import io.flagstaff.FeatureContext;

/**
 * Builds the {@link FeatureContext} of an incoming request, once per request, in Spring
 * MVC and WebFlux alike. Declare a bean of this type to replace the default, which maps
 * the authenticated principal, then the configured headers and request attributes
 * (properties {@code flagstaff.context.*}). Implementations must be thread-safe and must
 * not block.
 */
@FunctionalInterface
public interface FeatureContextResolver {

	/**
	 * Builds the context of a request.
	 * @param request what the request carries
	 * @return the context, never {@code null} (use {@link FeatureContext#empty()})
	 */
	FeatureContext resolve(RequestFacts request);

}
