package io.flagstaff.sample;

import java.util.stream.IntStream;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.sample.ShopClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator {@code features} endpoint of the shop: open to read, writable only by the
 * admin, and a flip through it changes the very next request. No test here forces flags
 * with the extension: the flips go through the store, as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorFeaturesTests {

	@LocalServerPort
	int port;

	@Autowired
	Flagstaff flagstaff;

	ShopClient anonymous;

	ShopClient admin;

	@DynamicPropertySource
	static void features(DynamicPropertyRegistry registry) {
		ShopFeatureFiles.register(registry);
	}

	@BeforeEach
	void clients() {
		this.anonymous = ShopClient.on(this.port);
		this.admin = this.anonymous.as("admin", "change-me");
	}

	@AfterEach
	void enableAdvancedSearchAgain() {
		this.admin.post("/actuator/features/advanced-search", "{\"action\":\"enable\"}");
	}

	@Test
	void anyoneReadsTheFlagList() {
		Answer answer = this.anonymous.get("/actuator/features");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("\"checkout-v2\"", "\"pricing\"", "\"heavy-report\"");
	}

	@Test
	void anAnonymousWriteIsRefusedWith401AndChangesNothing() {
		Answer answer = this.anonymous.post("/actuator/features/heavy-report", "{\"action\":\"disable\"}");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(this.anonymous.get("/reports/sales").status()).isEqualTo(200);
	}

	@Test
	void aShoppersWriteIsRefusedWith403AndChangesNothing() {
		Answer answer = this.anonymous.as("alice", "alice-pass")
			.post("/actuator/features/heavy-report", "{\"action\":\"disable\"}");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(this.anonymous.get("/reports/sales").status()).isEqualTo(200);
	}

	@Test
	void wrongAdminCredentialsAreRefused() {
		Answer answer = this.anonymous.as("admin", "guess")
			.post("/actuator/features/heavy-report", "{\"action\":\"disable\"}");
		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void anAdminFlipOfAdvancedSearchChangesTheVeryNextSearch() {
		ShopClient shopper = shopperWithAdvancedSearch();
		assertThat(shopper.get("/search?q=monitor").text("/engine")).isEqualTo("ranked");

		Answer off = this.admin.post("/actuator/features/advanced-search", "{\"action\":\"disable\"}");
		assertThat(off.status()).isEqualTo(200);
		assertThat(shopper.get("/search?q=monitor").text("/engine")).isEqualTo("keyword");

		Answer on = this.admin.post("/actuator/features/advanced-search", "{\"action\":\"enable\"}");
		assertThat(on.status()).isEqualTo(200);
		assertThat(shopper.get("/search?q=monitor").text("/engine")).isEqualTo("ranked");

		JsonNode detail = this.anonymous.get("/actuator/features/advanced-search").json();
		assertThat(detail.toString()).contains("\"admin\"");
	}

	@Test
	void anAdminSetsTheRolloutAndThePricingWeights() {
		Answer rollout = this.admin.post("/actuator/features/new-ui", "{\"action\":\"rollout\",\"rollout\":100}");
		assertThat(rollout.status()).isEqualTo(200);
		Answer weights = this.admin.post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=0,discount=100,annual=0\"}");
		assertThat(weights.status()).isEqualTo(200);
		for (int user = 0; user < 10; user++) {
			assertThat(this.anonymous.header("X-User-Id", "w-" + user).get("/pricing?sku=KB-101").text("/0/variant"))
				.isEqualTo("discount");
		}
		this.admin.post("/actuator/features/pricing",
				"{\"action\":\"weights\",\"weights\":\"control=34,discount=33,annual=33\"}");
	}

	@Test
	void aWriteWithAnInvalidRolloutIsRefusedAndTheFlagKeepsServing() {
		Answer answer = this.admin.post("/actuator/features/new-ui", "{\"action\":\"rollout\",\"rollout\":150}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("rollout");
		assertThat(this.anonymous.header("X-User-Id", "123").get("/api/flags").json().at("/new-ui/enabled").asBoolean())
			.isTrue();
	}

	private ShopClient shopperWithAdvancedSearch() {
		// a US beta shopper with a premium account whom both rollouts (new-ui 90%,
		// advanced-search 85%) include; the flag's own sticky bucketing picks them
		String userId = IntStream.range(0, 1000)
			.mapToObj((i) -> "flip-" + i)
			.filter((id) -> this.flagstaff.isEnabled("advanced-search",
					FeatureContext.builder()
						.userId(id)
						.attribute("region", "US")
						.attribute("accountType", "premium")
						.attribute("beta", "true")
						.build()))
			.findFirst()
			.orElseThrow();
		return this.anonymous.shopper(userId, "US", "premium", true);
	}

}
