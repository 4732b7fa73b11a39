package io.flagstaff.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global overrides reach the application's {@code Flagstaff} bean as seen from the
 * embedded server's request threads and from an {@code @Async} executor, even for
 * requests of a client the test built itself (which carries no scope).
 */
@SpringBootTest(classes = SpringServerTests.FlagApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@GlobalOverrides
class SpringServerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private Flagstaff flagstaff;

	@Test
	@EnableFeatures("one-click")
	@DisableFeatures("new-checkout")
	void serverThreadsSeeTheAnnotations() throws Exception {
		assertThat(get("/flags/one-click")).isEqualTo("true");
		assertThat(get("/flags/new-checkout")).isEqualTo("false");
		assertThat(get("/async/one-click")).isEqualTo("true");
	}

	@Test
	void serverThreadsSeeTheStoreWithoutAnnotations() throws Exception {
		assertThat(get("/flags/one-click")).isEqualTo("false");
		assertThat(get("/flags/new-checkout")).isEqualTo("true");
		assertThat(this.flagstaff.overrides().current()).isEmpty();
	}

	@Test
	@WithVariant(feature = "checkout-layout", variant = "one-page")
	void serverThreadsSeeTheVariant() throws Exception {
		assertThat(get("/variants/checkout-layout")).isEqualTo("one-page");
	}

	@Test
	void serverThreadsSeeChangesMadeThroughTheHandle(FeatureFlags flags) throws Exception {
		assertThat(flags.flagstaff()).isSameAs(this.flagstaff);
		flags.enable("dark-mode");
		assertThat(get("/flags/dark-mode")).isEqualTo("true");
		assertThat(get("/async/dark-mode")).isEqualTo("true");
		flags.disable("dark-mode");
		assertThat(get("/flags/dark-mode")).isEqualTo("false");
	}

	@FeatureMatrix({ "one-click", "dark-mode" })
	void serverThreadsSeeEachCombination(FeatureStates states) throws Exception {
		assertThat(get("/flags/one-click")).isEqualTo(String.valueOf(states.isEnabled("one-click")));
		assertThat(get("/flags/dark-mode")).isEqualTo(String.valueOf(states.isEnabled("dark-mode")));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(200);
		return response.body();
	}

	/** A minimal web application that reports what its {@code Flagstaff} serves. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ FlagController.class, AsyncFlags.class })
	static class FlagApplication {

		@Bean(destroyMethod = "close")
		Flagstaff flagstaff() {
			return TestFlagstaffs.create();
		}

	}

	/** Evaluates on an {@code @Async} executor thread. */
	static class AsyncFlags {

		private final Flagstaff flagstaff;

		AsyncFlags(Flagstaff flagstaff) {
			this.flagstaff = flagstaff;
		}

		@Async
		public CompletableFuture<String> isEnabled(String key) {
			return CompletableFuture
				.completedFuture(Thread.currentThread().getName() + ":" + this.flagstaff.isEnabled(key, user()));
		}

	}

	@RestController
	static class FlagController {

		private final Flagstaff flagstaff;

		private final AsyncFlags async;

		FlagController(Flagstaff flagstaff, AsyncFlags async) {
			this.flagstaff = flagstaff;
			this.async = async;
		}

		@GetMapping("/flags/{key}")
		String flag(@PathVariable String key) {
			return String.valueOf(this.flagstaff.isEnabled(key, user()));
		}

		@GetMapping("/variants/{key}")
		String variant(@PathVariable String key) {
			return String.valueOf(this.flagstaff.variant(key, user()));
		}

		@GetMapping("/async/{key}")
		String asyncFlag(@PathVariable String key) {
			String result = this.async.isEnabled(key).join();
			String thread = result.substring(0, result.lastIndexOf(':'));
			if (thread.equals(Thread.currentThread().getName())) {
				throw new IllegalStateException("@Async ran on the request thread " + thread);
			}
			return result.substring(result.lastIndexOf(':') + 1);
		}

	}

	private static FeatureContext user() {
		return FeatureContext.ofUser("u-1");
	}

}
