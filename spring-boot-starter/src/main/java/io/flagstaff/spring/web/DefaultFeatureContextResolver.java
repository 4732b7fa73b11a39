package io.flagstaff.spring.web;

import java.security.Principal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.flagstaff.FeatureContext;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.RequestFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;

/**
 * The default {@link FeatureContextResolver}: maps properties of the authenticated
 * principal, then request headers, then request attributes to context attributes. A later
 * source never replaces an attribute an earlier one set, so a header cannot impersonate
 * the authenticated user. The names {@code userId} and {@code sessionId} set those fields
 * of the context. Immutable and thread-safe.
 */
public final class DefaultFeatureContextResolver implements FeatureContextResolver {

	private final Map<String, String> principal;

	private final Map<String, String> headers;

	private final Map<String, String> requestAttributes;

	/**
	 * Creates the resolver.
	 * @param principal principal property paths to context attribute names
	 * @param headers header names to context attribute names
	 * @param requestAttributes request attribute names to context attribute names
	 */
	public DefaultFeatureContextResolver(Map<String, String> principal, Map<String, String> headers,
			Map<String, String> requestAttributes) {
		this.principal = new LinkedHashMap<>(principal);
		this.headers = new LinkedHashMap<>(headers);
		this.requestAttributes = new LinkedHashMap<>(requestAttributes);
	}

	@Override
	public FeatureContext resolve(RequestFacts request) {
		FeatureContext.Builder builder = FeatureContext.builder();
		Set<String> set = new HashSet<>();
		Principal user = request.principal();
		if (user != null) {
			BeanWrapperImpl wrapper = new BeanWrapperImpl(user);
			this.principal.forEach((path, attribute) -> put(builder, set, attribute, read(wrapper, path)));
		}
		this.headers.forEach((header, attribute) -> put(builder, set, attribute, request.header(header)));
		this.requestAttributes.forEach((name, attribute) -> put(builder, set, attribute, request.attribute(name)));
		return set.isEmpty() ? FeatureContext.empty() : builder.build();
	}

	private static void put(FeatureContext.Builder builder, Set<String> set, String attribute, @Nullable Object value) {
		if (value != null && !set.contains(attribute)) {
			builder.attribute(attribute, value);
			set.add(attribute);
		}
	}

	private static @Nullable Object read(BeanWrapperImpl wrapper, String path) {
		try {
			return wrapper.isReadableProperty(path) ? wrapper.getPropertyValue(path) : null;
		}
		catch (BeansException ex) {
			return null;
		}
	}

}
