package io.flagstaff.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.flagstaff.sample.ShopClient.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automatic kill switch: {@code checkout-v2} fails three times within its one-minute
 * window, the health guard switches it off through the file store, checkout falls back to
 * the classic flow, and the actuator, the audit and the file on disk say why.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AutomaticKillSwitchTests {

	static Path featuresFile;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void features(DynamicPropertyRegistry registry) {
		featuresFile = ShopFeatureFiles.register(registry);
	}

	@Test
	void checkoutV2SwitchesItselfOffAfterThreeFailuresAndAnAdminSwitchesItBackOn() throws Exception {
		ShopClient shopper = ShopClient.on(this.port).header("X-User-Id", "u-7");
		assertThat(shopper.get("/checkout").text("/flow")).isEqualTo("checkout-v2");

		for (int failure = 1; failure <= 2; failure++) {
			Answer answer = shopper.get("/checkout?simulateFailure=true");
			assertThat(answer.status()).isEqualTo(502);
			assertThat(answer.text("/detail")).contains("Payment gateway timed out");
		}
		// two failures are below the policy: still the new flow
		assertThat(shopper.get("/checkout").text("/flow")).isEqualTo("checkout-v2");

		assertThat(shopper.get("/checkout?simulateFailure=true").status()).isEqualTo(502);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(shopper.get("/checkout?simulateFailure=true").text("/flow")).isEqualTo("classic"));

		JsonNode detail = shopper.get("/actuator/features/checkout-v2").json();
		assertThat(detail.toString()).contains("health-guard").contains("3");
		assertThat(detail.at("/summary/state").asString()).isEqualTo("killed");
		assertThat(Files.readString(featuresFile)).contains("killed:").contains("health-guard");

		ShopClient admin = ShopClient.on(this.port).as("admin", "change-me");
		assertThat(admin.post("/actuator/features/checkout-v2", "{\"action\":\"enable\"}").status()).isEqualTo(200);
		assertThat(shopper.get("/checkout").text("/flow")).isEqualTo("checkout-v2");
		assertThat(shopper.get("/actuator/features/checkout-v2").json().at("/summary/state").asString())
			.isEqualTo("enabled");
	}

}
