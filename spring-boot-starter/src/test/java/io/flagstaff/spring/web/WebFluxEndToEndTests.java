package io.flagstaff.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
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
class WebFluxEndToEndTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	@AfterEach
	void clearOverrides() {
		this.flagstaff.overrides().clearAll();
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anActuatorFlipChangesTheVeryNextCallsImplementation() throws Exception {
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
		HttpResponse<String> flip = post("/actuator/features/advanced-search", "{\"action\":\"enable\"}");
		assertThat(flip.statusCode()).isEqualTo(200);
		assertThat(get("/search?q=boots").body()).isEqualTo("advanced:boots");
		assertThat(get("/actuator/features/advanced-search").body()).contains("\"actor\":\"actuator\"");
		post("/actuator/features/advanced-search", "{\"action\":\"disable\"}");
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
	}

	@Test
	void answersTheConfigured503WhenAGuardedMonoIsOff() throws Exception {
		assertThat(get("/checkout").body()).isEqualTo("new checkout");
		this.flagstaff.overrides().force("new-checkout", false);
		HttpResponse<String> response = get("/checkout");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"feature\":\"new-checkout\"");
	}

	@Test
	void evaluatesAGuardedFluxForTheContextInTheReactorContext() throws Exception {
		assertThat(get("/banner").statusCode()).isEqualTo(503);
		assertThat(get("/banner", "X-Region", "DE").body()).isEqualTo("banner");
	}

	@Test
	void keepsTheExchangesAnswersWhenTheFlagFlipsMidChain() throws Exception {
		assertThat(get("/flip-mid-chain?q=x").body()).isEqualTo("basic:x|basic:x");
		assertThat(get("/search?q=x").body()).isEqualTo("advanced:x");
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

		@GetMapping("/flip-mid-chain")
		Mono<String> flipMidChain(@RequestParam String q) {
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
