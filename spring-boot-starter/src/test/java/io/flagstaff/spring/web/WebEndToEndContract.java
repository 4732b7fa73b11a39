package io.flagstaff.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet and the reactive stacks both do, over real HTTP against a shop on a
 * random port (the flags of {@code features.yml}). Each subclass's shop serves
 * {@code /search?q=} through a {@code Search} strategy flipped by {@code advanced-search}
 * ({@code basic:
 *
<q>} or {@code advanced:
 *
<q>}), {@code /checkout} guarded by {@code new-checkout} ({@code new checkout}),
 * {@code /banner} guarded by {@code beta-banner} (on for region {@code DE}, read from the
 * {@code X-Region} header: {@code banner}), and {@code /flip-mid-request?q=}, which
 * searches, forces {@code advanced-search} on and searches again within the same request.
 * Overrides are cleared after each test.
 */
abstract class WebEndToEndContract {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	/**
	 * Returns the status the stack answers when a request reaches code whose flag is off.
	 */
	abstract int disabledStatus();

	/**
	 * Returns who the actuator's audit names for the writes of {@link #post}.
	 */
	abstract String writer();

	/**
	 * Returns the headers that authenticate the actuator writes of {@link #post}.
	 */
	abstract String[] writerHeaders();

	/**
	 * Returns the answer of {@code /flip-mid-request?q=x}: every search of the request
	 * with the snapshot it started with.
	 */
	abstract String midRequestFlipAnswer();

	@AfterEach
	void clearOverrides() {
		this.flagstaff.overrides().clearAll();
	}

	Flagstaff flagstaff() {
		return this.flagstaff;
	}

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts JSON as {@link #writer()}.
	 */
	HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		String[] headers = writerHeaders();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void anActuatorFlipChangesTheVeryNextCallsImplementationAndIsAuditedWithItsActor() throws Exception {
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
		HttpResponse<String> flip = post("/actuator/features/advanced-search", "{\"action\":\"enable\"}");
		assertThat(flip.statusCode()).isEqualTo(200);
		assertThat(get("/search?q=boots").body()).isEqualTo("advanced:boots");
		assertThat(get("/actuator/features/advanced-search").body()).contains("\"actor\":\"" + writer() + "\"")
			.contains("\"action\":\"enable");
		post("/actuator/features/advanced-search", "{\"action\":\"disable\"}");
		assertThat(get("/search?q=boots").body()).isEqualTo("basic:boots");
	}

	@Test
	void answersTheConfiguredStatusWhenARequestReachesCodeWhoseFlagIsOff() throws Exception {
		assertThat(get("/checkout").body()).isEqualTo("new checkout");
		this.flagstaff.overrides().force("new-checkout", false);
		HttpResponse<String> response = get("/checkout");
		assertThat(response.statusCode()).isEqualTo(disabledStatus());
		assertThat(response.body()).contains("\"feature\":\"new-checkout\"");
	}

	@Test
	void buildsTheContextFromTheConfiguredHeaders() throws Exception {
		assertThat(get("/banner").statusCode()).isEqualTo(disabledStatus());
		assertThat(get("/banner", "X-Region", "DE").body()).isEqualTo("banner");
	}

	@Test
	void keepsTheRequestsAnswersWhenTheFlagFlipsMidRequest() throws Exception {
		assertThat(get("/flip-mid-request?q=x").body()).isEqualTo(midRequestFlipAnswer());
		assertThat(get("/search?q=x").body()).isEqualTo("advanced:x");
	}

}
