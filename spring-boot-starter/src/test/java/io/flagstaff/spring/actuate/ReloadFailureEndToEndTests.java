package io.flagstaff.spring.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running application whose watched flag file is broken by hand stays in rotation: over
 * real HTTP, {@code /actuator/health} keeps answering 200 with the problem in the
 * {@code flagstaff} details, the problem is logged once however often the file is read,
 * and fixing the file clears it. Also: writes to the read-only endpoint answer 405 naming
 * the property that enables them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flagstaff.store.poll-interval=100ms",
				"management.endpoints.web.exposure.include=features,health",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
class ReloadFailureEndToEndTests {

	private static final String GOOD = "version: 1\nfeatures:\n  checkout:\n    enabled: true\n";

	private static final String BROKEN = "version: 1\nfeatures:\n  checkout:\n    enabled: [true\n";

	private static final Path FILE = file();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	private static Path file() {
		try {
			Path file = Files.createTempDirectory("flagstaff-reload").resolve("features.yml");
			Files.writeString(file, GOOD);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void features(DynamicPropertyRegistry registry) {
		registry.add("flagstaff.features-location", () -> "file:" + FILE);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@Test
	void aBrokenWatchedFileKeepsHealthAt200WithTheProblemLoggedOnceUntilTheFileIsFixed(CapturedOutput output)
			throws Exception {
		HttpResponse<String> healthy = get("/actuator/health");
		assertThat(healthy.statusCode()).isEqualTo(200);
		assertThat(healthy.body()).contains("\"status\":\"UP\"").doesNotContain("\"problem\"");

		Files.writeString(FILE, BROKEN);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/actuator/health/flagstaff").body().contains("\"problem\""));
		for (int check = 0; check < 3; check++) {
			HttpResponse<String> health = get("/actuator/health");
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"")
				.contains(FILE.toString() + ": line ")
				.contains("the last good flags");
		}
		assertThat(this.flagstaff.isEnabled("checkout", FeatureContext.ofUser("u-1"))).isTrue();
		assertThat(count(output.getOut(), "Flagstaff keeps serving its last good flags: " + FILE + ": line "))
			.as("one warning for the one problem, whatever the number of reads")
			.isOne();

		Files.writeString(FILE, GOOD.replace("enabled: true", "enabled: false"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !get("/actuator/health/flagstaff").body().contains("\"problem\""));
		assertThat(this.flagstaff.isEnabled("checkout", FeatureContext.ofUser("u-1"))).isFalse();
		assertThat(output.getOut()).contains("the problem reported before is gone");

		Files.writeString(FILE, BROKEN);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/actuator/health/flagstaff").body().contains("\"problem\""));
		Files.writeString(FILE, GOOD.replace("enabled: true", "enabled: false"));
		await().atMost(Duration.ofSeconds(20))
			.alias("a file fixed back to the content served")
			.until(() -> !get("/actuator/health/flagstaff").body().contains("\"problem\""));
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void theFlagstaffIndicatorIsInNoProbeGroup() throws Exception {
		assertThat(get("/actuator/health").body()).contains("\"flagstaff\"");
		for (String probe : new String[] { "liveness", "readiness" }) {
			HttpResponse<String> group = get("/actuator/health/" + probe);
			assertThat(group.statusCode()).isEqualTo(200);
			assertThat(group.body()).as(probe).doesNotContain("flagstaff");
		}
	}

	@Test
	void aWriteWhileWritesAreDisabledAnswers405NamingTheProperty() throws Exception {
		boolean enabled = this.flagstaff.snapshot().definition("checkout").enabled();
		HttpResponse<String> write = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/features/checkout"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"disable\"}")));
		assertThat(write.statusCode()).isEqualTo(405);
		assertThat(write.body()).contains("flagstaff.actuator.writes-enabled=true");
		assertThat(this.flagstaff.snapshot().definition("checkout").enabled()).isEqualTo(enabled);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

}
