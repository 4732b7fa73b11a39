package io.flagstaff.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "flagstaff.store.type=memory",
		"flagstaff.actuator.writes-enabled=true", "flagstaff.context.headers.X-Region=region",
		"management.endpoints.web.exposure.include=features,health", "management.endpoint.health.show-details=always" })
class WebMvcEndToEndTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	@Autowired
	private MeterRegistry meters;

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

	private HttpResponse<String> post(String path, String json, String user) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anActuatorFlipChangesTheVeryNextCallsImplementationAndIsAuditedWithThePrincipal() throws Exception {
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
		HttpResponse<String> flip = post("/actuator/features/advanced-search", "{\"action\":\"enable\"}", "alice");
		assertThat(flip.statusCode()).isEqualTo(200);
		assertThat(get("/search?q=boots").body()).isEqualTo("advanced:boots");
		HttpResponse<String> detail = get("/actuator/features/advanced-search");
		assertThat(detail.body()).contains("\"actor\":\"alice\"").contains("\"action\":\"enable");
		assertThat(this.meters.find(MicrometerFeatureCallRecorder.CALLS)
			.tags("feature", "advanced-search", "variant", "on", "outcome", "success")
			.timer()).isNotNull();
		post("/actuator/features/advanced-search", "{\"action\":\"disable\"}", "alice");
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
	}

	@Test
	void listsTheFlagsWithOwnerTypeAndUsage() throws Exception {
		get("/checkout");
		HttpResponse<String> list = get("/actuator/features");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"key\":\"advanced-search\"")
			.contains("\"owner\":\"search-team\"")
			.contains("\"type\":\"release\"")
			.contains("\"usage\":{\"on\":");
		assertThat(get("/actuator/health").body())
			.contains("\"flagstaff\":{\"details\":{\"store\":\"InMemoryFeatureStore\"");
	}

	@Test
	void listsTheHygieneReportWithTheFlags() throws Exception {
		HttpResponse<String> list = get("/actuator/features");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"hygiene\":{\"generatedAt\":")
			.contains("\"featureCount\":6")
			.contains("{\"feature\":\"beta-banner\",\"kind\":\"NO_OWNER\",\"message\":")
			.doesNotContain("\"feature\":\"advanced-search\",\"kind\":\"NO_OWNER\"");
	}

	@Test
	void answers404WhenARequestReachesCodeWhoseFlagIsOff() throws Exception {
		assertThat(get("/checkout").body()).isEqualTo("new checkout");
		this.flagstaff.overrides().force("new-checkout", false);
		HttpResponse<String> response = get("/checkout");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"feature\":\"new-checkout\"");
	}

	@Test
	void changesRolloutAndVariantWeightsThroughTheEndpoint() throws Exception {
		HttpResponse<String> rollout = post("/actuator/features/new-checkout",
				"{\"action\":\"rollout\",\"rollout\":25}", "alice");
		assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(200);
		assertThat(rollout.body()).contains("\"rollout\":25.0");
		HttpResponse<String> weights = post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=100,discount=0\"}", "alice");
		assertThat(weights.statusCode()).as(weights.body()).isEqualTo(200);
		assertThat(this.flagstaff.variant("pricing", io.flagstaff.FeatureContext.ofUser("u-1"))).isEqualTo("control");
		post("/actuator/features/new-checkout", "{\"action\":\"rollout\",\"rollout\":100}", "alice");
		post("/actuator/features/pricing", "{\"action\":\"weights\",\"weights\":\"control=0,discount=100\"}", "alice");
	}

	@Test
	void refusesAWriteTheStoreRejectsWith400NamingTheProblemAndKeepsTheFlag() throws Exception {
		HttpResponse<String> rollout = post("/actuator/features/new-checkout",
				"{\"action\":\"rollout\",\"rollout\":150}", "alice");
		assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(400);
		assertThat(rollout.body()).contains("nothing was stored")
			.contains("features.new-checkout.rollout: must be between 0 and 100, was 150");
		HttpResponse<String> weights = post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=many\"}", "alice");
		assertThat(weights.statusCode()).as(weights.body()).isEqualTo(400);
		assertThat(this.flagstaff.snapshot().definition("new-checkout").rollout()).isIn(null, 100.0);
	}

	@Test
	void rejectsAnUnknownActionOrFlagWithTheFix() throws Exception {
		HttpResponse<String> action = post("/actuator/features/new-checkout", "{\"action\":\"explode\"}", "alice");
		assertThat(action.statusCode()).isEqualTo(400);
		assertThat(action.body()).contains("use enable, disable, rollout or weights");
		assertThat(post("/actuator/features/nope", "{\"action\":\"enable\"}", "alice").statusCode()).isEqualTo(404);
	}

	@Test
	void usesTheAuthenticatedPrincipalAsTheUserId() throws Exception {
		assertThat(get("/preview").statusCode()).isEqualTo(404);
		String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		assertThat(get("/preview", "Authorization", "Basic " + basic).body()).isEqualTo("preview");
	}

	@Test
	void buildsTheContextFromTheConfiguredHeaders() throws Exception {
		assertThat(get("/banner").statusCode()).isEqualTo(404);
		assertThat(get("/banner", "X-Region", "DE").body()).isEqualTo("banner");
	}

	@Test
	void keepsTheRequestsAnswersWhenTheFlagFlipsMidRequestIncludingInAsyncWork() throws Exception {
		assertThat(get("/flip-mid-request?q=x").body()).isEqualTo("basic:x|basic:x|basic:x");
		assertThat(get("/search?q=x").body()).isEqualTo("advanced:x");
	}

	public interface Search {

		String search(String query);

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.ON)
	static class AdvancedSearch implements Search {

		@Override
		public String search(String query) {
			return "advanced:" + query;
		}

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.OFF)
	static class BasicSearch implements Search {

		@Override
		public String search(String query) {
			return "basic:" + query;
		}

	}

	public static class AsyncSearch {

		private final Search search;

		AsyncSearch(Search search) {
			this.search = search;
		}

		@Async
		public CompletableFuture<String> search(String query) {
			return CompletableFuture.completedFuture(this.search.search(query));
		}

	}

	public static class Features {

		@FeatureToggle("new-checkout")
		public String checkout() {
			return "new checkout";
		}

		@FeatureToggle("beta-banner")
		public String banner() {
			return "banner";
		}

		@FeatureToggle("staff-preview")
		public String preview() {
			return "preview";
		}

	}

	@RestController
	static class ShopController {

		private final Search search;

		private final AsyncSearch asyncSearch;

		private final Features features;

		private final Flagstaff flagstaff;

		ShopController(Search search, AsyncSearch asyncSearch, Features features, Flagstaff flagstaff) {
			this.search = search;
			this.asyncSearch = asyncSearch;
			this.features = features;
			this.flagstaff = flagstaff;
		}

		@GetMapping("/search")
		String search(@RequestParam String q) {
			return this.search.search(q);
		}

		@GetMapping("/checkout")
		String checkout() {
			return this.features.checkout();
		}

		@GetMapping("/banner")
		String banner() {
			return this.features.banner();
		}

		@GetMapping("/preview")
		String preview() {
			return this.features.preview();
		}

		@GetMapping("/flip-mid-request")
		String flipMidRequest(@RequestParam String q) {
			String before = this.search.search(q);
			this.flagstaff.overrides().force("advanced-search", true);
			String after = this.search.search(q);
			String async = this.asyncSearch.search(q).join();
			return before + "|" + after + "|" + async;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ ShopController.class, AdvancedSearch.class, BasicSearch.class, AsyncSearch.class, Features.class })
	static class ShopApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}secret").roles("OPS").build());
		}

	}

}
