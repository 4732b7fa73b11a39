package io.flagstaff.spring.web;

import java.io.IOException;
import java.security.Principal;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.RequestFacts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that resolves the request's {@link FeatureContext}, pins one snapshot
 * for the whole request, and makes the {@link FeatureScope} current on the request thread
 * (and again on async dispatches of the same request). The scope is also stored as the
 * request attribute {@link #SCOPE_ATTRIBUTE}.
 */
public class FeatureScopeFilter extends OncePerRequestFilter implements Ordered {

	/** The request attribute holding the request's {@link FeatureScope}. */
	public static final String SCOPE_ATTRIBUTE = FeatureScope.class.getName();

	private final Flagstaff flagstaff;

	private final FeatureContextResolver resolver;

	private final int order;

	/**
	 * Creates the filter.
	 * @param flagstaff where snapshots come from
	 * @param resolver builds the context of each request
	 * @param order the filter order
	 */
	public FeatureScopeFilter(Flagstaff flagstaff, FeatureContextResolver resolver, int order) {
		this.flagstaff = flagstaff;
		this.resolver = resolver;
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FeatureScope scope = (request.getAttribute(SCOPE_ATTRIBUTE) instanceof FeatureScope existing) ? existing
				: FeatureScope.pin(this.flagstaff, this.resolver.resolve(new ServletRequestFacts(request)));
		request.setAttribute(SCOPE_ATTRIBUTE, scope);
		FeatureScope.Opened opened = scope.open();
		try {
			chain.doFilter(request, response);
		}
		finally {
			opened.close();
		}
	}

	private record ServletRequestFacts(HttpServletRequest request) implements RequestFacts {

		@Override
		public @Nullable String header(String name) {
			return this.request.getHeader(name);
		}

		@Override
		public @Nullable Object attribute(String name) {
			return this.request.getAttribute(name);
		}

		@Override
		public @Nullable Principal principal() {
			return SecuritySupport.principal(this.request.getUserPrincipal());
		}

	}

}
