package io.flagstaff.spring.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.spring.FeatureToggle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automatic kill switch with the default store (a read-only {@code classpath:}
 * document): a guarded method that keeps failing gets its flag killed on this instance,
 * the next calls get the fallback, and an operator re-enables it through the actuator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flagstaff.features-location=classpath:io/flagstaff/spring/health/kill-switch.yml",
				"flagstaff.actuator.writes-enabled=true", "management.endpoints.web.exposure.include=features" })
class HealthGuardEndToEndTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	@Autowired
	private Downstream downstream;

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aGuardedMethodThatKeepsFailingIsKilledServesItsFallbackAndComesBackWhenReEnabled() throws Exception {
		assertThat(get("/recommendations").body()).isEqualTo("personal");
		this.downstream.up.set(false);
		for (int i = 0; i < 3; i++) {
			assertThat(get("/recommendations").statusCode()).isEqualTo(500);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> "popular".equals(get("/recommendations").body()));
		assertThat(this.flagstaff.evaluate("recommendations", FeatureContext.ofUser("u-1")).reason())
			.isEqualTo(Reason.KILLED);
		HttpResponse<String> detail = get("/actuator/features/recommendations");
		assertThat(detail.body()).contains("\"state\":\"killed\"").contains("\"actor\":\"health-guard\"");

		this.downstream.up.set(true);
		HttpResponse<String> enable = post("/actuator/features/recommendations", "{\"action\":\"enable\"}");
		assertThat(enable.statusCode()).as(enable.body()).isEqualTo(200);
		assertThat(get("/recommendations").body()).isEqualTo("personal");
		assertThat(get("/actuator/features/recommendations").body()).contains("\"state\":\"enabled\"")
			.contains("\"actor\":\"alice\"");
	}

	static class Downstream {

		final AtomicBoolean up = new AtomicBoolean(true);

	}

	public static class Recommendations {

		private final Downstream downstream;

		Recommendations(Downstream downstream) {
			this.downstream = downstream;
		}

		@FeatureToggle(value = "recommendations", fallback = "popular")
		public String personal() {
			if (!this.downstream.up.get()) {
				throw new IllegalStateException("recommendation service unavailable");
			}
			return "personal";
		}

		public String popular() {
			return "popular";
		}

	}

	@RestController
	static class RecommendationsController {

		private final Recommendations recommendations;

		RecommendationsController(Recommendations recommendations) {
			this.recommendations = recommendations;
		}

		@GetMapping("/recommendations")
		String recommendations() {
			return this.recommendations.personal();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Downstream.class, Recommendations.class, RecommendationsController.class })
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
