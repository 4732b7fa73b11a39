package io.flagstaff.sample;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import io.flagstaff.junit.DisableFeatures;
import io.flagstaff.junit.EnableFeatures;
import io.flagstaff.junit.GlobalOverrides;
import io.flagstaff.junit.FeatureMatrix;
import io.flagstaff.junit.FeatureStates;
import io.flagstaff.junit.WithVariant;
import io.flagstaff.sample.ShopClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
 * Every shop endpoint, over real HTTP, in each state of its flag; the states are forced
 * with the Flagstaff JUnit extension and reach the server's request threads. Global
 * states: {@link ShopClient} is a client the test builds itself, which carries no
 * override scope.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@GlobalOverrides
class ShopEndpointsTests {

	@LocalServerPort
	int port;

	ShopClient shop;

	@DynamicPropertySource
	static void features(DynamicPropertyRegistry registry) {
		ShopFeatureFiles.register(registry);
	}

	@BeforeEach
	void client() {
		this.shop = ShopClient.on(this.port).shopper("u-42", "US", "premium", true);
	}

	@Nested
	class Search {

		@Test
		@EnableFeatures({ "new-ui", "advanced-search" })
		void rankedSearchToleratesTyposAndRanksByMatchedWords() {
			Answer answer = ShopEndpointsTests.this.shop.get("/search?q=keybord");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/engine")).isEqualTo("ranked");
			assertThat(answer.text("/hits/0/sku")).isEqualTo("KB-101");
			Answer monitors = ShopEndpointsTests.this.shop.get("/search?q=ultrawide%20monitor");
			assertThat(monitors.text("/hits/0/sku")).isEqualTo("MN-304");
			assertThat(monitors.json().get("hits")).hasSize(2);
		}

		@Test
		@DisableFeatures("advanced-search")
		void keywordSearchMatchesNameSubstringsOnly() {
			Answer answer = ShopEndpointsTests.this.shop.get("/search?q=keybord");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/engine")).isEqualTo("keyword");
			assertThat(answer.json().get("hits")).isEmpty();
			assertThat(ShopEndpointsTests.this.shop.get("/search?q=Monitor").json().get("hits")).hasSize(2);
		}

		@Test
		void advancedSearchStaysOffForShoppersWithoutTheNewUi() {
			// no beta program: new-ui is off for this US shopper, so its dependent
			// advanced-search is off too, whatever its own US rollout says
			for (int user = 0; user < 20; user++) {
				ShopClient shopper = ShopClient.on(ShopEndpointsTests.this.port)
					.shopper("no-beta-" + user, "US", "premium", false);
				assertThat(shopper.get("/search?q=mouse").text("/engine")).isEqualTo("keyword");
			}
		}

		@Test
		void anEmptyQueryIsABadRequestThatSaysWhatToSend() {
			Answer answer = ShopEndpointsTests.this.shop.get("/search?q=%20");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.text("/detail")).contains("?q=monitor");
		}

	}

	@Nested
	class Recommendations {

		@Test
		@EnableFeatures("recommendations")
		void personalizedWhileOn() {
			Answer answer = ShopEndpointsTests.this.shop.get("/recommendations");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/source")).isEqualTo("personalized");
			JsonNode products = answer.json().get("products");
			assertThat(products).isNotEmpty();
			String category = products.get(0).get("category").asString();
			assertThat(products)
				.allSatisfy((product) -> assertThat(product.get("category").asString()).isEqualTo(category));
		}

		@Test
		@DisableFeatures("recommendations")
		void bestSellersWhileOff() {
			Answer answer = ShopEndpointsTests.this.shop.get("/recommendations");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/source")).isEqualTo("best-sellers");
			assertThat(answer.json().get("products")).hasSize(3);
		}

	}

	@Nested
	class Pricing {

		@FeatureMatrix(value = "pricing", variants = true)
		void eachVariantPricesWithItsConfiguredTerms(FeatureStates states) {
			Answer answer = ShopEndpointsTests.this.shop.get("/pricing?sku=KB-101");
			assertThat(answer.status()).isEqualTo(200);
			JsonNode quote = answer.json().get(0);
			String expectedVariant = states.isEnabled("pricing") ? states.variant("pricing") : "control";
			assertThat(quote.get("variant").asString()).isEqualTo(expectedVariant);
			String expectedPrice = switch (expectedVariant) {
				case "discount" -> "75.65"; // 89.00 - 15%
				case "annual" -> "854.40"; // (89.00 - 20%) x 12
				default -> "89.00";
			};
			assertThat(quote.get("price").decimalValue()).isEqualByComparingTo(expectedPrice);
			assertThat(quote.get("billing").asString())
				.isEqualTo("annual".equals(expectedVariant) ? "annual" : "monthly");
		}

		@Test
		void everyShopperKeepsTheirVariant() {
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (int user = 0; user < 20; user++) {
				ShopClient shopper = ShopClient.on(ShopEndpointsTests.this.port).header("X-User-Id", "sticky-" + user);
				String first = shopper.get("/pricing?sku=MS-202").text("/0/variant");
				seen.add(first);
				for (int again = 0; again < 3; again++) {
					assertThat(shopper.get("/pricing?sku=MS-202").text("/0/variant")).isEqualTo(first);
				}
			}
			assertThat(seen).as("20 shoppers spread over the variants").hasSizeGreaterThan(1);
		}

		@Test
		void anUnknownProductIsNotFound() {
			Answer answer = ShopEndpointsTests.this.shop.get("/pricing?sku=NOPE-1");
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.text("/detail")).contains("NOPE-1");
		}

		@Test
		void aPurchaseIsCreditedToTheVariantTheShopperWasShown() {
			ShopClient shopper = ShopClient.on(ShopEndpointsTests.this.port).header("X-User-Id", "buyer-7");
			String variant = shopper.get("/pricing?sku=HD-405").text("/0/variant");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						shopper.get("/experiments/pricing").json().at("/variants/" + variant + "/exposedKeys").asLong())
					.isGreaterThanOrEqualTo(1));
			Answer purchase = shopper.post("/purchase", "{\"sku\":\"HD-405\"}");
			assertThat(purchase.status()).isEqualTo(200);
			assertThat(purchase.text("/quote/variant")).isEqualTo(variant);
			assertThat(purchase.json().get("experimentsCredited").asInt()).isEqualTo(1);
			JsonNode results = shopper.get("/experiments/pricing").json();
			assertThat(results.at("/variants/" + variant + "/conversions/purchase").asLong()).isGreaterThanOrEqualTo(1);
		}

		@Test
		void aPurchaseWithoutSkuSaysWhatToSend() {
			Answer answer = ShopEndpointsTests.this.shop.post("/purchase", "{}");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.text("/detail")).contains("{\"sku\": \"KB-101\"}");
		}

	}

	@Nested
	class HeavyReport {

		@Test
		@EnableFeatures("heavy-report")
		void servedWhileOn() {
			Answer answer = ShopEndpointsTests.this.shop.get("/reports/sales");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.json().get("total").decimalValue()).isPositive();
			assertThat(answer.json().get("revenueByCategory").propertyNames()).contains("audio", "displays");
		}

		@Test
		@DisableFeatures("heavy-report")
		void serviceUnavailableWhileOff() {
			Answer answer = ShopEndpointsTests.this.shop.get("/reports/sales");
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.text("/feature")).isEqualTo("heavy-report");
		}

	}

	@Nested
	class Checkout {

		@Test
		@EnableFeatures("checkout-v2")
		void theNewFlowTakesTheOrderWhileOn() {
			Answer answer = ShopEndpointsTests.this.shop.get("/checkout");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/flow")).isEqualTo("checkout-v2");
			assertThat(answer.text("/status")).isEqualTo("CONFIRMED");
		}

		@Test
		@DisableFeatures("checkout-v2")
		void theClassicFlowTakesTheOrderWhileOffEvenWhenTheGatewayWouldFail() {
			Answer answer = ShopEndpointsTests.this.shop.get("/checkout?simulateFailure=true");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text("/flow")).isEqualTo("classic");
		}

	}

	@Nested
	class Feedback {

		@Test
		void anyoneCanGiveFeedbackAndOnlyTheAdminReadsIt() {
			Answer given = ShopEndpointsTests.this.shop.post("/features/new-ui/feedback",
					"{\"rating\": 4, \"comment\": \"much easier to find things\"}");
			assertThat(given.status()).isEqualTo(201);
			assertThat(given.text("/feature")).isEqualTo("new-ui");
			assertThat(given.text("/userId")).isEqualTo("u-42");
			assertThat(given.json().get("rating").asInt()).isEqualTo(4);

			assertThat(ShopEndpointsTests.this.shop.get("/features/new-ui/feedback").status()).isEqualTo(401);
			assertThat(ShopEndpointsTests.this.shop.as("alice", "alice-pass").get("/features/new-ui/feedback").status())
				.isEqualTo(403);
			Answer read = ShopEndpointsTests.this.shop.as("admin", "change-me").get("/features/new-ui/feedback");
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().get("feedback").findValuesAsString("comment"))
				.contains("much easier to find things");
		}

		@Test
		void aRatingOutOfRangeIsABadRequest() {
			Answer answer = ShopEndpointsTests.this.shop.post("/features/new-ui/feedback", "{\"rating\": 9}");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.text("/detail")).contains("rating");
		}

		@Test
		void feedbackOnAnUnknownFlagNamesTheKnownOnes() {
			Answer answer = ShopEndpointsTests.this.shop.post("/features/new-iu/feedback", "{\"rating\": 3}");
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.text("/detail")).contains("new-iu").contains("new-ui");
		}

	}

	@Nested
	class Flags {

		@Test
		@EnableFeatures("recommendations")
		@DisableFeatures("heavy-report")
		@WithVariant(feature = "pricing", variant = "annual")
		void holdsTheCallersAnswersForEveryFlag() {
			JsonNode flags = ShopEndpointsTests.this.shop.get("/api/flags").json();
			assertThat(flags.propertyNames()).containsExactlyInAnyOrder("new-ui", "advanced-search", "recommendations",
					"heavy-report", "pricing", "checkout-v2");
			assertThat(flags.at("/recommendations/enabled").asBoolean()).isTrue();
			assertThat(flags.at("/heavy-report/enabled").asBoolean()).isFalse();
			assertThat(flags.at("/pricing/variant").asString()).isEqualTo("annual");
		}

		@Test
		void leaksNoRulesListsPercentagesOrOtherUsers() {
			Answer answer = ShopEndpointsTests.this.shop.get("/api/flags");
			assertThat(answer.status()).isEqualTo(200);
			JsonNode flags = answer.json();
			for (Iterator<Map.Entry<String, JsonNode>> entries = flags.properties().iterator(); entries.hasNext();) {
				Map.Entry<String, JsonNode> entry = entries.next();
				Set<String> fields = new HashSet<>(entry.getValue().propertyNames());
				assertThat(fields).as(entry.getKey()).isSubsetOf("enabled", "variant");
				assertThat(entry.getValue().get("enabled").isBoolean()).isTrue();
			}
			// nothing of the configuration: allow-listed users, regions, percentages,
			// weights, owners
			assertThat(answer.body()).doesNotContain("123", "456", "RO", "90", "85", "rollout", "weight", "allow",
					"rules", "team", "discountPercent", "health");
		}

		@Test
		void theHeadersAreTheContext() {
			ShopClient anonymous = ShopClient.on(ShopEndpointsTests.this.port);
			assertThat(anonymous.get("/api/flags").json().at("/new-ui/enabled").asBoolean()).isFalse();
			// user 123 is on new-ui's allow list
			assertThat(anonymous.header("X-User-Id", "123").get("/api/flags").json().at("/new-ui/enabled").asBoolean())
				.isTrue();
			// outside the launch markets the 90% rollout does not apply
			assertThat(anonymous.header("X-User-Id", "u-1")
				.header("X-Region", "DE")
				.header("X-Account-Type", "premium")
				.header("X-Beta", "true")
				.get("/api/flags")
				.json()
				.at("/new-ui/enabled")
				.asBoolean()).isFalse();
		}

		@Test
		void theAuthenticatedUserWinsOverTheUserIdHeader() {
			ShopClient impostor = ShopClient.on(ShopEndpointsTests.this.port).header("X-User-Id", "123");
			assertThat(impostor.get("/api/flags").json().at("/new-ui/enabled").asBoolean()).isTrue();
			// alice is not on the allow list, whatever header she sends
			assertThat(impostor.as("alice", "alice-pass").get("/api/flags").json().at("/new-ui/enabled").asBoolean())
				.isFalse();
			Answer feedback = impostor.as("alice", "alice-pass")
				.post("/features/recommendations/feedback", "{\"rating\": 2}");
			assertThat(feedback.text("/userId")).isEqualTo("alice");
		}

	}

}
