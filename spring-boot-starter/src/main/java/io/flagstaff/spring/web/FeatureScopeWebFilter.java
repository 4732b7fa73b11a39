package io.flagstaff.spring.web;

import java.security.Principal;
import java.util.Optional;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.FeatureScope;
import io.flagstaff.spring.RequestFacts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter that resolves the exchange's context (with the principal the exchange
 * carries), pins one snapshot for the whole exchange, and puts the {@link FeatureScope}
 * in the Reactor context under {@link FeatureScope#CONTEXT_KEY} and in the exchange
 * attribute {@link FeatureScopeFilter#SCOPE_ATTRIBUTE}.
 */
public class FeatureScopeWebFilter implements WebFilter, Ordered {

	private final Flagstaff flagstaff;

	private final FeatureContextResolver resolver;

	private final int order;

	/**
	 * Creates the filter.
	 * @param flagstaff where snapshots come from
	 * @param resolver builds the context of each exchange
	 * @param order the filter order
	 */
	public FeatureScopeWebFilter(Flagstaff flagstaff, FeatureContextResolver resolver, int order) {
		this.flagstaff = flagstaff;
		this.resolver = resolver;
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap((principal) -> {
			FeatureScope scope = FeatureScope.pin(this.flagstaff,
					this.resolver.resolve(new ExchangeFacts(exchange, principal.orElse(null))));
			exchange.getAttributes().put(FeatureScopeFilter.SCOPE_ATTRIBUTE, scope);
			return chain.filter(exchange).contextWrite((context) -> context.put(FeatureScope.CONTEXT_KEY, scope));
		});
	}

	private record ExchangeFacts(ServerWebExchange exchange, @Nullable Principal user) implements RequestFacts {

		@Override
		public @Nullable String header(String name) {
			return this.exchange.getRequest().getHeaders().getFirst(name);
		}

		@Override
		public @Nullable Object attribute(String name) {
			return this.exchange.getAttribute(name);
		}

		@Override
		public @Nullable Principal principal() {
			return SecuritySupport.isAnonymous(this.user) ? null : this.user;
		}

	}

}
