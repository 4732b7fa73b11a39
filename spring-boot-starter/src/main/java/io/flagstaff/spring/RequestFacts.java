package io.flagstaff.spring;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link FeatureContextResolver} may read from an incoming request, the same for a
 * servlet request and a WebFlux exchange.
 */
public interface RequestFacts {

	/**
	 * Returns the first value of a header.
	 * @param name the header name, case-insensitive
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String header(String name);

	/**
	 * Returns a request (or exchange) attribute.
	 * @param name the attribute name
	 * @return the value, or {@code null} when absent
	 */
	@Nullable Object attribute(String name);

	/**
	 * Returns the authenticated principal. With Spring Security this is the
	 * {@code Authentication}; anonymous authentication is reported as {@code null}.
	 * @return the principal, or {@code null} when the request is not authenticated
	 */
	@Nullable Principal principal();

}
