package io.flagstaff.spring.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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
class WebMvcEndToEndTests extends WebEndToEndContract {

	@Autowired
	private MeterRegistry meters;

	@Override
	int disabledStatus() {
		return 404;
	}

	@Override
	String writer() {
		return "alice";
	}

	@Override
	String[] writerHeaders() {
		String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		return new String[] { "Authorization", "Basic " + basic };
	}

	/**
	 * Two searches and one in {@code @Async} work.
	 */
	@Override
	String midRequestFlipAnswer() {
		return "basic:x|basic:x|basic:x";
	}

	@Test
	void recordsTheGuardedCallsOfTheImplementationAFlipSelects() throws Exception {
		flagstaff().overrides().force("advanced-search", true);
		assertThat(get("/search?q=boots").body()).isEqualTo("advanced:boots");
		assertThat(this.meters.find(MicrometerFeatureCallRecorder.CALLS)
			.tags("feature", "advanced-search", "variant", "on", "outcome", "success")
			.timer()).isNotNull();
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
	void changesRolloutAndVariantWeightsThroughTheEndpoint() throws Exception {
		HttpResponse<String> rollout = post("/actuator/features/new-checkout",
				"{\"action\":\"rollout\",\"rollout\":25}");
		assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(200);
		assertThat(rollout.body()).contains("\"rollout\":25.0");
		HttpResponse<String> weights = post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=100,discount=0\"}");
		assertThat(weights.statusCode()).as(weights.body()).isEqualTo(200);
		assertThat(flagstaff().variant("pricing", FeatureContext.ofUser("u-1"))).isEqualTo("control");
		post("/actuator/features/new-checkout", "{\"action\":\"rollout\",\"rollout\":100}");
		post("/actuator/features/pricing", "{\"action\":\"weights\",\"weights\":\"control=0,discount=100\"}");
	}

	@Test
	void refusesAWriteTheStoreRejectsWith400NamingTheProblemAndKeepsTheFlag() throws Exception {
		HttpResponse<String> rollout = post("/actuator/features/new-checkout",
				"{\"action\":\"rollout\",\"rollout\":150}");
		assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(400);
		assertThat(rollout.body()).contains("nothing was stored")
			.contains("features.new-checkout.rollout: must be between 0 and 100, was 150");
		HttpResponse<String> weights = post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=many\"}");
		assertThat(weights.statusCode()).as(weights.body()).isEqualTo(400);
		assertThat(flagstaff().snapshot().definition("new-checkout").rollout()).isIn(null, 100.0);
	}

	@Test
	void rejectsAnUnknownActionOrFlagWithTheFix() throws Exception {
		HttpResponse<String> action = post("/actuator/features/new-checkout", "{\"action\":\"explode\"}");
		assertThat(action.statusCode()).isEqualTo(400);
		assertThat(action.body()).contains("use enable, disable, rollout or weights");
		assertThat(post("/actuator/features/nope", "{\"action\":\"enable\"}").statusCode()).isEqualTo(404);
	}

	@Test
	void usesTheAuthenticatedPrincipalAsTheUserId() throws Exception {
		assertThat(get("/preview").statusCode()).isEqualTo(404);
		assertThat(get("/preview", writerHeaders()).body()).isEqualTo("preview");
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
