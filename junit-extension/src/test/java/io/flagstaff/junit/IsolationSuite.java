package io.flagstaff.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the suite of issue 21, on the one server of {@link ScopedServer}: six
 * forced classes, five plain ones, two matrix classes and two readers, 34 tests, each
 * checking the state of every flag over real HTTP {@value #REQUESTS} times. Counts every
 * check, every wrong one, and how many forced tests were inside at once.
 */
final class IsolationSuite {

	static final int REQUESTS = 50;

	static final AtomicLong CHECKS = new AtomicLong();

	static final AtomicLong WRONG = new AtomicLong();

	static final AtomicInteger FORCED_INSIDE = new AtomicInteger();

	static final AtomicInteger MOST_FORCED_INSIDE = new AtomicInteger();

	static final Class<?>[] CLASSES = { Forced1.class, Forced2.class, Forced3.class, Forced4.class, Forced5.class,
			Forced6.class, Plain1.class, Plain2.class, Plain3.class, Plain4.class, Plain5.class, Matrix1.class,
			Matrix2.class, Reader1.class, Reader2.class };

	/** What the store serves user u-1 (the variant is the store's pick for u-1). */
	static final Map<String, String> STORE = Map.of("new-checkout", "true", "one-click", "false", "dark-mode", "false",
			"checkout-layout", storeVariant());

	private IsolationSuite() {
	}

	private static String storeVariant() {
		try (io.flagstaff.Flagstaff flagstaff = TestFlagstaffs.create()) {
			return TestFlagstaffs.variant(flagstaff, "checkout-layout");
		}
	}

	static void reset() {
		CHECKS.set(0);
		WRONG.set(0);
		MOST_FORCED_INSIDE.set(0);
	}

	/**
	 * The base of every fixture: checks the server's answers against the expected states.
	 */
	abstract static class Checks {

		@Autowired
		TestRestTemplate rest;

		void expect(Map<String, String> overrides, boolean forced) {
			Map<String, String> expected = new LinkedHashMap<>();
			for (String key : new String[] { "new-checkout", "one-click", "dark-mode", "checkout-layout" }) {
				expected.put(key, overrides.getOrDefault(key, STORE.get(key)));
			}
			if (forced) {
				MOST_FORCED_INSIDE.accumulateAndGet(FORCED_INSIDE.incrementAndGet(), Math::max);
			}
			long wrong = 0;
			try {
				for (int i = 0; i < REQUESTS; i++) {
					Map<String, String> seen = parse(this.rest.getForObject("/state", String.class));
					for (Map.Entry<String, String> entry : expected.entrySet()) {
						CHECKS.incrementAndGet();
						if (!entry.getValue().equals(seen.get(entry.getKey()))) {
							wrong++;
							WRONG.incrementAndGet();
						}
					}
				}
			}
			finally {
				if (forced) {
					FORCED_INSIDE.decrementAndGet();
				}
			}
			assertThat(wrong).as("checks that saw another test's state").isZero();
		}

		private static Map<String, String> parse(String state) {
			Map<String, String> values = new LinkedHashMap<>();
			for (String pair : state.split(",")) {
				String[] parts = pair.split("=", 2);
				values.put(parts[0], parts[1]);
			}
			return values;
		}

	}

	@ScopedServer
	@EnableFeatures("one-click")
	static class Forced1 extends Checks {

		@Test
		void first() {
			expect(Map.of("one-click", "true"), true);
		}

		@Test
		void second() {
			expect(Map.of("one-click", "true"), true);
		}

	}

	@ScopedServer
	@DisableFeatures("new-checkout")
	static class Forced2 extends Checks {

		@Test
		void first() {
			expect(Map.of("new-checkout", "false"), true);
		}

		@Test
		@DisableFeatures("one-click")
		@EnableFeatures("dark-mode")
		void methodLevel() {
			expect(Map.of("new-checkout", "false", "dark-mode", "true"), true);
		}

	}

	@ScopedServer
	@WithVariant(feature = "checkout-layout", variant = "control")
	static class Forced3 extends Checks {

		@Test
		void first() {
			expect(Map.of("checkout-layout", "control"), true);
		}

		@Test
		@DisableFeatures("checkout-layout")
		void off() {
			expect(Map.of("checkout-layout", "null"), true);
		}

	}

	@ScopedServer
	@EnableFeatures({ "one-click", "dark-mode" })
	@DisableFeatures("new-checkout")
	static class Forced4 extends Checks {

		@Test
		void first() {
			expect(Map.of("one-click", "true", "dark-mode", "true", "new-checkout", "false"), true);
		}

		@Test
		@EnableFeatures("new-checkout")
		void methodWins() {
			expect(Map.of("one-click", "true", "dark-mode", "true"), true);
		}

	}

	@ScopedServer
	@ExtendWith(FlagstaffExtension.class)
	static class Forced5 extends Checks {

		@Test
		void handle(FeatureFlags flags) {
			flags.enable("dark-mode").disable("new-checkout");
			expect(Map.of("dark-mode", "true", "new-checkout", "false"), true);
		}

		@Test
		void handleWithVariant(FeatureFlags flags) {
			flags.variant("checkout-layout", "control").enable("one-click");
			expect(Map.of("checkout-layout", "control", "one-click", "true"), true);
		}

	}

	@ScopedServer
	@EnableFeatures("dark-mode")
	static class Forced6 extends Checks {

		@Test
		void first() {
			expect(Map.of("dark-mode", "true"), true);
		}

		@Test
		void second() {
			expect(Map.of("dark-mode", "true"), true);
		}

	}

	abstract static class PlainChecks extends Checks {

		@Test
		void first() {
			expect(Map.of(), false);
		}

		@Test
		void second() {
			expect(Map.of(), false);
		}

	}

	@ScopedServer
	static class Plain1 extends PlainChecks {

	}

	@ScopedServer
	static class Plain2 extends PlainChecks {

	}

	@ScopedServer
	static class Plain3 extends PlainChecks {

	}

	@ScopedServer
	static class Plain4 extends PlainChecks {

	}

	@ScopedServer
	static class Plain5 extends PlainChecks {

	}

	abstract static class MatrixChecks extends Checks {

		@FeatureMatrix({ "one-click", "dark-mode" })
		void everyCombination(FeatureStates states) {
			expect(Map.of("one-click", String.valueOf(states.isEnabled("one-click")), "dark-mode",
					String.valueOf(states.isEnabled("dark-mode"))), true);
		}

	}

	@ScopedServer
	static class Matrix1 extends MatrixChecks {

	}

	@ScopedServer
	static class Matrix2 extends MatrixChecks {

	}

	@ScopedServer
	@ExtendWith(FlagstaffExtension.class)
	static class Reader1 extends PlainChecks {

	}

	@ScopedServer
	@ExtendWith(FlagstaffExtension.class)
	static class Reader2 extends PlainChecks {

	}

}
