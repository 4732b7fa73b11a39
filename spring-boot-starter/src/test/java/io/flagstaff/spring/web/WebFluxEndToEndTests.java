package io.flagstaff.spring.web;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "flagstaff.store.type=memory",
				"flagstaff.actuator.writes-enabled=true", "flagstaff.web.disabled-status=503",
				"flagstaff.context.headers.X-Region=region", "management.endpoints.web.exposure.include=features" })
class WebFluxEndToEndTests extends WebEndToEndContract {

	@Override
	int disabledStatus() {
		return 503;
	}

	/**
	 * Anonymous writes are audited as the actuator's.
	 */
	@Override
	String writer() {
		return "actuator";
	}

	@Override
	String[] writerHeaders() {
		return new String[0];
	}

	@Override
	String midRequestFlipAnswer() {
		return "basic:x|basic:x";
	}

	@Test
	void evaluatesAGuardedFluxForTheContextInTheReactorContext() throws Exception {
		assertThat(get("/banner", "X-Region", "DE").body()).isEqualTo("banner");
		flagstaff().overrides().force("beta-banner", false);
		assertThat(get("/banner", "X-Region", "DE").statusCode()).isEqualTo(503);
	}

	public interface Search {

		Mono<String> search(String query);

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.ON)
	static class AdvancedSearch implements Search {

		@Override
		public Mono<String> search(String query) {
			return Mono.just("advanced:" + query);
		}

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.OFF)
	static class BasicSearch implements Search {

		@Override
		public Mono<String> search(String query) {
			return Mono.just("basic:" + query);
		}

	}

	public static class Features {

		@FeatureToggle("new-checkout")
		public Mono<String> checkout() {
			return Mono.just("new checkout");
		}

		@FeatureToggle("beta-banner")
		public Flux<String> banner() {
			return Flux.just("ban", "ner");
		}

	}

	@RestController
	static class ShopController {

		private final Search search;

		private final Features features;

		private final Flagstaff flagstaff;

		ShopController(Search search, Features features, Flagstaff flagstaff) {
			this.search = search;
			this.features = features;
			this.flagstaff = flagstaff;
		}

		@GetMapping("/search")
		Mono<String> search(@RequestParam String q) {
			return this.search.search(q);
		}

		@GetMapping("/checkout")
		Mono<String> checkout() {
			return this.features.checkout();
		}

		@GetMapping("/banner")
		Mono<String> banner() {
			return this.features.banner().collectList().map((parts) -> String.join("", parts));
		}

		@GetMapping("/flip-mid-request")
		Mono<String> flipMidRequest(@RequestParam String q) {
			return this.search.search(q).flatMap((before) -> {
				this.flagstaff.overrides().force("advanced-search", true);
				return this.search.search(q).map((after) -> before + "|" + after);
			});
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ShopController.class, AdvancedSearch.class, BasicSearch.class, Features.class })
	static class ReactiveShopApplication {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

}
