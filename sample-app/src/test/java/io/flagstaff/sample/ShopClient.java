package io.flagstaff.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running shop: headers for the flag context, optional basic
 * authentication, JSON answers.
 */
final class ShopClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final List<String> headers;

	private final String authorization;

	private ShopClient(int port, List<String> headers, String authorization) {
		this.port = port;
		this.headers = headers;
		this.authorization = authorization;
	}

	static ShopClient on(int port) {
		return new ShopClient(port, List.of(), null);
	}

	/** A copy that sends one more header. */
	ShopClient header(String name, String value) {
		List<String> more = new ArrayList<>(this.headers);
		more.add(name);
		more.add(value);
		return new ShopClient(this.port, List.copyOf(more), this.authorization);
	}

	/** A copy that sends the context headers of a shopper. */
	ShopClient shopper(String userId, String region, String accountType, boolean beta) {
		return header("X-User-Id", userId).header("X-Region", region)
			.header("X-Account-Type", accountType)
			.header("X-Beta", Boolean.toString(beta));
	}

	/** A copy that authenticates with HTTP basic. */
	ShopClient as(String username, String password) {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ShopClient(this.port, this.headers, "Basic " + basic);
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	Answer post(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Sends a request without a body by any method (HEAD, PUT, DELETE...). */
	Answer send(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (!this.headers.isEmpty()) {
			request.headers(this.headers.toArray(String[]::new));
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status and body. */
	record Answer(int status, String body) {

		JsonNode json() {
			return ShopClient.json.readTree(this.body);
		}

		String text(String pointer) {
			return json().at(pointer).asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
