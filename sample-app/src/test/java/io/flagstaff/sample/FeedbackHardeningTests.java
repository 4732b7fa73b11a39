package io.flagstaff.sample;

import java.util.List;

import io.flagstaff.sample.ShopClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reproducers of the outside probe against the feedback endpoints, over real HTTP:
 * feedback memory grows without bound, an anonymous {@code HEAD} runs the admin-only
 * read, a rating of {@code 1.5} is stored as 1 and {@code "5"} (a string) is accepted.
 * Each flag keeps 100 entries here ({@code flagstaff.feedback.max-per-feature}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "flagstaff.feedback.max-per-feature=100")
class FeedbackHardeningTests {

	@LocalServerPort
	int port;

	ShopClient shop;

	ShopClient admin;

	@DynamicPropertySource
	static void features(DynamicPropertyRegistry registry) {
		ShopFeatureFiles.register(registry);
	}

	@BeforeEach
	void clients() {
		this.shop = ShopClient.on(this.port).shopper("u-7", "DE", "free", true);
		this.admin = ShopClient.on(this.port).as("admin", "change-me");
	}

	private int stored(String key) {
		Answer read = this.admin.get("/features/" + key + "/feedback?limit=100000");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		return read.json().get("feedback").size();
	}

	@Test
	void postsBeyondTheBoundDropTheOldestAndAreCounted() {
		for (int post = 0; post < 300; post++) {
			Answer given = this.shop.post("/features/recommendations/feedback",
					"{\"rating\": 3, \"comment\": \"post " + post + "\"}");
			assertThat(given.status()).isEqualTo(201);
		}
		Answer read = this.admin.get("/features/recommendations/feedback?limit=100000");
		List<String> comments = read.json().get("feedback").findValuesAsString("comment");
		assertThat(comments).hasSize(100).startsWith("post 200").endsWith("post 299");
		assertThat(read.json().get("kept").asInt()).isEqualTo(100);
		assertThat(read.json().get("dropped").asLong()).isGreaterThanOrEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HEAD", "GET", "PUT", "DELETE", "PATCH", "OPTIONS" })
	void anyMethodButThePostThatGivesFeedbackNeedsTheAdmin(String method) {
		assertThat(this.shop.send(method, "/features/new-ui/feedback").status()).as("anonymous " + method)
			.isEqualTo(401);
		assertThat(this.shop.as("alice", "alice-pass").send(method, "/features/new-ui/feedback").status())
			.as("a shopper's " + method)
			.isEqualTo(403);
	}

	@Test
	void theAdminMayReadByHead() {
		assertThat(this.admin.send("HEAD", "/features/new-ui/feedback").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "\"5\"", "4.0", "true", "[4]", "99999999999" })
	void aRatingThatIsNotAWholeJsonNumberIsRefusedNamingTheFieldAndNothingIsStored(String rating) {
		int before = stored("advanced-search");
		Answer answer = this.shop.post("/features/advanced-search/feedback", "{\"rating\": " + rating + "}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.text("/detail")).contains("'rating'").contains(rating);
		assertThat(stored("advanced-search")).isEqualTo(before);
	}

	@Test
	void aMissingRatingIsRefusedNamingTheField() {
		Answer answer = this.shop.post("/features/advanced-search/feedback", "{\"comment\": \"no rating\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("/detail")).contains("'rating' is missing");
	}

}
