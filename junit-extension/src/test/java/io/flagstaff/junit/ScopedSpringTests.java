package io.flagstaff.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Tests of one shared server, run in parallel through the EngineTestKit: each sees only
 * the states it forces, over every client of its application context, on the server's
 * request threads and its {@code @Async} executor; plain tests see the store; global
 * tests run alone; a production application ignores the scope header.
 */
class ScopedSpringTests {

	private static final Map<String, String> PARALLEL = Map.of("junit.jupiter.execution.parallel.enabled", "true",
			"junit.jupiter.execution.parallel.mode.default", "concurrent",
			"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
			"junit.jupiter.execution.parallel.config.strategy", "fixed",
			"junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

	static final CyclicBarrier ALL_THREE_INSIDE = new CyclicBarrier(3);

	static final AtomicInteger GLOBAL_INSIDE = new AtomicInteger();

	static final AtomicInteger OTHERS_INSIDE = new AtomicInteger();

	@Test
	void testsForcingOppositeStatesOfOneFlagRunTogetherOnOneServerAndEachSeesItsOwn() {
		ALL_THREE_INSIDE.reset();
		EngineExecutionResults results = EngineRuns.run(PARALLEL, ForcesOn.class, ForcesOff.class, Plain.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(3).succeeded(3));
	}

	@Test
	void globalTestsRunAloneOnTheirFlagstaffAndTheOthersNeverSeeTheirStates() {
		EngineExecutionResults results = EngineRuns.run(PARALLEL, Global.class, PlainRepeated.class,
				ScopedRepeated.class);

		assertThat(EngineRuns.failures(results)).isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(12).succeeded(12));
	}

	@Test
	void aProductionApplicationIgnoresTheScopeHeaderWhateverARequestSends() throws Exception {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ScopedServer.Application.class)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run()) {
			Flagstaff flagstaff = application.getBean(Flagstaff.class);
			int port = ((WebServerApplicationContext) application).getWebServer().getPort();
			try (OverrideScope scope = flagstaff.openScope()) {
				scope.force("one-click", true);

				assertThat(send(port, "/flags/one-click", scope.id())).isEqualTo("false");
				assertThat(application.getBeanNamesForType(SpringScopeFilters.Servlet.class)).isEmpty();
				assertThat(application.getBeanNamesForType(SpringScopeClients.class)).isEmpty();
			}
		}
	}

	static String send(int port, String path, @Nullable String scopeId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (scopeId != null) {
			request.header(FlagstaffExtension.SCOPE_HEADER, scopeId);
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(200);
		return response.body();
	}

	@ScopedServer
	@EnableFeatures("one-click")
	static class ForcesOn {

		@Autowired
		TestRestTemplate rest;

		@Autowired
		RestClient.Builder restClient;

		@Autowired
		RestTestClient restTestClient;

		@LocalServerPort
		int port;

		@Test
		void seesOneClickOnOverEveryClient() throws Exception {
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
			RestClient client = this.restClient.baseUrl("http://127.0.0.1:" + this.port).build();
			for (int i = 0; i < 10; i++) {
				assertThat(this.rest.getForObject("/flags/one-click", String.class)).isEqualTo("true");
				assertThat(client.get().uri("/flags/one-click").retrieve().body(String.class)).isEqualTo("true");
				this.restTestClient.get().uri("/async/one-click").exchange().expectBody(String.class).isEqualTo("true");
				assertThat(this.rest.getForObject("/flags/new-checkout", String.class)).isEqualTo("true");
			}
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
		}

	}

	@ScopedServer
	@DisableFeatures({ "one-click", "new-checkout" })
	static class ForcesOff {

		@Autowired
		WebTestClient webTestClient;

		@Autowired
		WebClient.Builder webClient;

		@Autowired
		MockMvc mockMvc;

		@Autowired
		Flagstaff flagstaff;

		@LocalServerPort
		int port;

		@Test
		void seesBothOffOverEveryClient() throws Exception {
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
			WebClient client = this.webClient.baseUrl("http://127.0.0.1:" + this.port).build();
			OverrideScope scope = this.flagstaff.currentScope();
			assertThat(scope).isNotNull();
			for (int i = 0; i < 10; i++) {
				this.webTestClient.get()
					.uri("/flags/new-checkout")
					.exchange()
					.expectBody(String.class)
					.isEqualTo("false");
				assertThat(client.get().uri("/async/new-checkout").retrieve().bodyToMono(String.class).block())
					.isEqualTo("false");
				this.mockMvc.perform(get("/flags/one-click")).andExpect(content().string("false"));
				assertThat(send(this.port, "/flags/new-checkout", scope.id())).as("a client built by the test")
					.isEqualTo("false");
				assertThat(send(this.port, "/flags/new-checkout", null)).as("without the header").isEqualTo("true");
			}
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
		}

	}

	@ScopedServer
	static class Plain {

		@Autowired
		TestRestTemplate rest;

		@Autowired
		WebTestClient webTestClient;

		@Test
		void seesTheStore() throws Exception {
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
			for (int i = 0; i < 10; i++) {
				assertThat(this.rest.getForObject("/flags/one-click", String.class)).isEqualTo("false");
				this.webTestClient.get()
					.uri("/flags/new-checkout")
					.exchange()
					.expectBody(String.class)
					.isEqualTo("true");
			}
			ALL_THREE_INSIDE.await(60, TimeUnit.SECONDS);
		}

	}

	@ScopedServer
	@GlobalOverrides
	@EnableFeatures("dark-mode")
	static class Global {

		@LocalServerPort
		int port;

		@RepeatedTest(3)
		void aClientTheTestBuiltSeesTheGlobalState() throws Exception {
			assertThat(GLOBAL_INSIDE.incrementAndGet()).isEqualTo(1);
			try {
				assertThat(OTHERS_INSIDE.get()).as("other tests inside with a global one").isZero();
				for (int i = 0; i < 10; i++) {
					assertThat(send(this.port, "/flags/dark-mode", null)).isEqualTo("true");
				}
			}
			finally {
				GLOBAL_INSIDE.decrementAndGet();
			}
		}

	}

	@ScopedServer
	static class PlainRepeated {

		@Autowired
		TestRestTemplate rest;

		@Autowired
		Flagstaff flagstaff;

		@RepeatedTest(6)
		void seesTheStoreAndHoldsASharedLease() {
			assertThat(EvaluatorLocks.TABLE.heldByCurrentThread(this.flagstaff)).isTrue();
			others(() -> assertThat(this.rest.getForObject("/flags/dark-mode", String.class)).isEqualTo("false"));
		}

	}

	@ScopedServer
	@EnableFeatures("one-click")
	static class ScopedRepeated {

		@Autowired
		TestRestTemplate rest;

		@RepeatedTest(3)
		void seesItsOwnStateOnly() {
			others(() -> {
				assertThat(this.rest.getForObject("/flags/one-click", String.class)).isEqualTo("true");
				assertThat(this.rest.getForObject("/flags/dark-mode", String.class)).isEqualTo("false");
			});
		}

	}

	private static void others(Runnable check) {
		OTHERS_INSIDE.incrementAndGet();
		try {
			assertThat(GLOBAL_INSIDE.get()).as("a global test inside with another").isZero();
			for (int i = 0; i < 10; i++) {
				check.run();
			}
		}
		finally {
			OTHERS_INSIDE.decrementAndGet();
		}
	}

}
