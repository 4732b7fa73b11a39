package io.flagstaff.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.CompletableFuture;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One application on a random port, shared (through Spring's context cache) by every
 * fixture class annotated with it, with every test client Spring Boot offers. Its
 * {@code Flagstaff} comes from the starter and {@code features.yml} ({@code new-checkout}
 * on, {@code one-click} and {@code dark-mode} off).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ScopedServer.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureTestRestTemplate
@AutoConfigureRestTestClient
@AutoConfigureWebTestClient
@interface ScopedServer {

	/** The application: reports what its {@code Flagstaff} serves, directly and async. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ Flags.class, AsyncFlags.class })
	class Application {

	}

	/** Evaluates on an {@code @Async} executor thread. */
	class AsyncFlags {

		private final Flagstaff flagstaff;

		AsyncFlags(Flagstaff flagstaff) {
			this.flagstaff = flagstaff;
		}

		@Async
		public CompletableFuture<String> isEnabled(String key) {
			return CompletableFuture.completedFuture(
					Thread.currentThread().getName() + ":" + this.flagstaff.isEnabled(key, FeatureContext.empty()));
		}

	}

	@RestController
	class Flags {

		/**
		 * The simulated downstream latency of {@code /state}, set by the isolation suite.
		 */
		static volatile int latencyMillis;

		private final Flagstaff flagstaff;

		private final AsyncFlags async;

		Flags(Flagstaff flagstaff, AsyncFlags async) {
			this.flagstaff = flagstaff;
			this.async = async;
		}

		@GetMapping("/flags/{key}")
		String flag(@PathVariable String key) {
			return String.valueOf(this.flagstaff.isEnabled(key, FeatureContext.empty()));
		}

		/**
		 * All four flags for user {@code u-1}, after a simulated downstream call of
		 * {@link #latencyMillis} (the isolation suite's stand-in for a database query).
		 */
		@GetMapping("/state")
		String state() throws InterruptedException {
			if (latencyMillis > 0) {
				Thread.sleep(latencyMillis);
			}
			FeatureContext user = FeatureContext.ofUser("u-1");
			return "new-checkout=" + this.flagstaff.isEnabled("new-checkout", user) + ",one-click="
					+ this.flagstaff.isEnabled("one-click", user) + ",dark-mode="
					+ this.flagstaff.isEnabled("dark-mode", user) + ",checkout-layout="
					+ this.flagstaff.variant("checkout-layout", user);
		}

		@GetMapping("/async/{key}")
		String asyncFlag(@PathVariable String key) {
			String result = this.async.isEnabled(key).join();
			if (result.startsWith(Thread.currentThread().getName() + ":")) {
				throw new IllegalStateException("@Async ran on the request thread");
			}
			return result.substring(result.lastIndexOf(':') + 1);
		}

	}

}
