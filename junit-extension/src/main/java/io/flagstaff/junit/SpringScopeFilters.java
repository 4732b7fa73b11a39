package io.flagstaff.junit;

import java.io.IOException;

import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The server side of the scope carrier, registered only by {@link SpringTestSupport}: a
 * request carrying the {@value FlagstaffExtension#SCOPE_HEADER} header of an open
 * override scope is handled inside that scope, first of all filters, so the starter's
 * per-request pinning, and everything that pinning carries ({@code @Async} tasks, the
 * Reactor context), sees the scope's states. A request without the header, or with the
 * identifier of no open scope, sees the store.
 */
final class SpringScopeFilters {

	private SpringScopeFilters() {
	}

	/** The Servlet filter, on every dispatch of a request. */
	static final class Servlet extends OncePerRequestFilter implements Ordered {

		private final ObjectProvider<Flagstaff> flagstaffs;

		Servlet(ObjectProvider<Flagstaff> flagstaffs) {
			this.flagstaffs = flagstaffs;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			OverrideScope scope = SpringTestSupport.findScope(this.flagstaffs,
					request.getHeader(FlagstaffExtension.SCOPE_HEADER));
			OverrideScope.Entered entered = (scope != null) ? SpringTestSupport.enter(scope) : null;
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (entered != null) {
					entered.close();
				}
			}
		}

	}

	/**
	 * The WebFlux filter: the rest of the chain is assembled and subscribed inside the
	 * scope, where the starter pins the exchange's snapshot into the Reactor context.
	 */
	static final class Reactive implements WebFilter, Ordered {

		private final ObjectProvider<Flagstaff> flagstaffs;

		Reactive(ObjectProvider<Flagstaff> flagstaffs) {
			this.flagstaffs = flagstaffs;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			OverrideScope scope = SpringTestSupport.findScope(this.flagstaffs,
					exchange.getRequest().getHeaders().getFirst(FlagstaffExtension.SCOPE_HEADER));
			if (scope == null) {
				return chain.filter(exchange);
			}
			return Mono.fromDirect((subscriber) -> {
				OverrideScope.Entered entered = SpringTestSupport.enter(scope);
				try {
					chain.filter(exchange).subscribe(subscriber);
				}
				finally {
					if (entered != null) {
						entered.close();
					}
				}
			});
		}

	}

}
