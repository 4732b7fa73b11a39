package io.flagstaff.health;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Kill;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.FileFeatureStore;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.MutableClock;
import io.flagstaff.store.WritableFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HealthGuardTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Duration FAST = Duration.ofMillis(5);

	private static final RuntimeException BOOM = new IllegalStateException("boom");

	private final MutableClock clock = new MutableClock(NOW);

	private final List<AutoDisabledEvent> events = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 5, 50 })
	void maxErrorsTripsOnTheFailureThatReachesItAndNotBefore(int maxErrors) {
		Setup setup = setup(flag("checkout", policy(maxErrors, null, null, null, null)));
		for (int i = 1; i < maxErrors; i++) {
			setup.guard.recordFailure("checkout", FAST, BOOM);
			setup.guard.recordSuccess("checkout", FAST);
		}
		assertThat(this.events).isEmpty();
		assertThat(setup.flagstaff.isEnabled("checkout")).isTrue();
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.feature()).isEqualTo("checkout");
			assertThat(event.variant()).isNull();
			assertThat(event.trigger()).isEqualTo(Trigger.ERRORS);
			assertThat(event.figures()).containsEntry("failures", (long) maxErrors)
				.containsEntry("calls", 2L * maxErrors - 1);
			assertThat(event.kill().actor()).isEqualTo("health-guard");
			assertThat(event.reason()).contains(maxErrors + " failures within 1m reached maxErrors " + maxErrors)
				.contains("java.lang.IllegalStateException: boom");
		});
		assertThat(setup.flagstaff.evaluate("checkout", FeatureContext.empty()).reason()).isEqualTo(Reason.KILLED);
	}

	@Test
	void errorsOlderThanTheWindowNoLongerCount() {
		Setup setup = setup(flag("checkout", policy(3, null, null, null, null)));
		setup.guard.recordFailure("checkout", FAST, BOOM);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		this.clock.advance(Duration.ofMinutes(1));
		setup.guard.recordFailure("checkout", FAST, BOOM);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).isEmpty();
		assertThat(setup.guard.stats("checkout").failures()).isEqualTo(2);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).singleElement().extracting(AutoDisabledEvent::trigger).isEqualTo(Trigger.ERRORS);
	}

	@Test
	void theWindowRollsOverSliceBySlice() {
		Setup setup = setup(flag("checkout", policy(100, null, null, null, null)));
		// a one-minute window is ten slices of six seconds
		setup.guard.recordFailure("checkout", FAST, BOOM);
		this.clock.advance(Duration.ofSeconds(30));
		setup.guard.recordFailure("checkout", FAST, BOOM);
		this.clock.advance(Duration.ofSeconds(24));
		assertThat(setup.guard.stats("checkout").failures()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(setup.guard.stats("checkout").failures()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(setup.guard.stats("checkout")).isEqualTo(new HealthStats(0, 0, 0, Duration.ofMinutes(1)));
	}

	@Test
	void failureRateTripsAtTheThresholdOnceMinCallsWereSeen() {
		Setup setup = setup(flag("search", policy(null, 0.5, 10, null, null)));
		for (int i = 0; i < 8; i++) {
			setup.guard.recordFailure("search", FAST, BOOM);
		}
		setup.guard.recordSuccess("search", FAST);
		assertThat(this.events).as("8 of 9 calls failed, but minCalls is 10").isEmpty();
		setup.guard.recordSuccess("search", FAST);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(Trigger.FAILURE_RATE);
			assertThat(event.reason())
				.contains("failure rate 80.0% (8 of 10 calls) within 1m reached maxFailureRate 50.0%");
		});
	}

	@Test
	void failureRateJustBelowTheThresholdDoesNotTrip() {
		Setup setup = setup(flag("search", policy(null, 0.3, 10, null, null)));
		for (int i = 0; i < 70; i++) {
			setup.guard.recordSuccess("search", FAST);
		}
		for (int i = 0; i < 29; i++) {
			setup.guard.recordFailure("search", FAST, BOOM);
		}
		assertThat(this.events).as("29 of 99 calls is below 30%").isEmpty();
		setup.guard.recordFailure("search", FAST, BOOM);
		assertThat(this.events).as("30 of 100 calls is exactly 30%")
			.singleElement()
			.extracting(AutoDisabledEvent::trigger)
			.isEqualTo(Trigger.FAILURE_RATE);
	}

	@Test
	void slowCallsTripAtMaxSlowCallsAndACallAtTheBaselineIsNotSlow() {
		Setup setup = setup(flag("recommendations", policy(null, null, null, Duration.ofMillis(300), 3)));
		for (int i = 0; i < 10; i++) {
			setup.guard.recordSuccess("recommendations", Duration.ofMillis(300));
		}
		setup.guard.recordSuccess("recommendations", Duration.ofMillis(301));
		setup.guard.recordFailure("recommendations", Duration.ofSeconds(2), BOOM);
		assertThat(this.events).isEmpty();
		assertThat(setup.guard.stats("recommendations").slowCalls()).isEqualTo(2);
		setup.guard.recordSuccess("recommendations", Duration.ofMillis(400));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(Trigger.SLOW_CALLS);
			assertThat(event.reason()).contains("3 calls slower than 300ms within 1m reached maxSlowCalls 3");
		});
	}

	@Test
	void theDisableIsWrittenToTheStoreWithActorReasonAndFigures() {
		Setup setup = setup(flag("checkout", policy(2, null, null, null, null)));
		setup.guard.recordFailure("checkout", FAST, BOOM);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		FeatureDefinition stored = setup.store.feature("checkout").definition();
		assertThat(stored.killed()).isEqualTo(new Kill("health-guard", this.events.get(0).reason(), NOW));
		assertThat(stored.killed().reason()).contains("'checkout': 2 failures within 1m reached maxErrors 2")
			.contains("[calls=2, failures=2, slowCalls=0]");
		AuditEntry audit = setup.store.audit("checkout", 1).get(0);
		assertThat(audit.action()).isEqualTo(AuditAction.KILL);
		assertThat(audit.actor()).isEqualTo("health-guard");
		assertThat(audit.reason()).isEqualTo(stored.killed().reason());
	}

	@Test
	void anAutomaticDisableSurvivesARestart() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(flag("checkout", policy(1, null, null, null, null)));
		Flagstaff first = Flagstaff.builder(store).build();
		HealthGuard guard = guard(first, store);
		guard.recordFailure("checkout", FAST, BOOM);
		guard.close();
		first.close();
		try (Flagstaff restarted = Flagstaff.builder(store).build()) {
			assertThat(restarted.evaluate("checkout", FeatureContext.empty()).reason()).isEqualTo(Reason.KILLED);
			assertThat(restarted.snapshot().definition("checkout").killed().actor()).isEqualTo("health-guard");
		}
	}

	@Test
	void anAutomaticDisableWrittenToAFileSurvivesAProcessRestart(@TempDir Path dir) {
		Path file = dir.resolve("features.yml");
		try (FileFeatureStore store = FileFeatureStore.builder(file).watch(false).build();
				Flagstaff flagstaff = Flagstaff.builder(store).build();
				HealthGuard guard = guard(flagstaff, store)) {
			store.create(flag("checkout", policy(2, null, null, null, null)), "setup");
			flagstaff.refresh();
			guard.recordFailure("checkout", FAST, BOOM);
			guard.recordFailure("checkout", FAST, BOOM);
			assertThat(this.events).hasSize(1);
		}
		try (FileFeatureStore reopened = FileFeatureStore.builder(file).watch(false).build();
				Flagstaff restarted = Flagstaff.builder(reopened).build()) {
			assertThat(restarted.evaluate("checkout", FeatureContext.empty()).reason()).isEqualTo(Reason.KILLED);
			assertThat(restarted.snapshot().definition("checkout").killed())
				.isEqualTo(new Kill("health-guard", this.events.get(0).reason(), NOW));
		}
	}

	@Test
	void variantScopeMovesTheOffendingVariantsWeightToTheControl() {
		Setup setup = setup(threeVariants());
		for (int i = 0; i < 2; i++) {
			setup.guard.recordFailure("checkout", "one-page", 1000, BOOM);
			setup.guard.recordFailure("checkout", "two-page", 1000, BOOM);
			setup.guard.recordSuccess("checkout", "control", 1000);
		}
		assertThat(this.events).as("4 failures for the flag, but at most 2 per variant").isEmpty();
		setup.guard.recordFailure("checkout", "one-page", 1000, BOOM);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.variant()).isEqualTo("one-page");
			assertThat(event.reason()).startsWith("variant 'one-page' of 'checkout': 3 failures within 1m")
				.endsWith("its weight moved to 'control'");
		});
		FeatureDefinition stored = setup.store.feature("checkout").definition();
		assertThat(stored.enabled()).isTrue();
		assertThat(stored.killed()).isNull();
		assertThat(stored.variants()).extracting(VariantDefinition::name, VariantDefinition::weight)
			.containsExactly(tuple("control", 80), tuple("one-page", 0), tuple("two-page", 20));
		AuditEntry audit = setup.store.audit("checkout", 1).get(0);
		assertThat(audit.action()).isEqualTo(AuditAction.SET_VARIANT_WEIGHTS);
		assertThat(audit.actor()).isEqualTo("health-guard");
		assertThat(audit.reason()).isEqualTo(this.events.get(0).reason());
		for (int i = 0; i < 500; i++) {
			assertThat(setup.flagstaff.variant("checkout", FeatureContext.ofUser("u-" + i))).isNotEqualTo("one-page");
		}
	}

	@Test
	void aFailingControlVariantDisablesTheWholeFlag() {
		Setup setup = setup(threeVariants());
		for (int i = 0; i < 3; i++) {
			setup.guard.recordFailure("checkout", "control", 1000, BOOM);
		}
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.variant()).isNull();
			assertThat(event.reason()).startsWith("variant 'control' (the control, so the whole flag) of 'checkout'");
		});
		assertThat(setup.store.feature("checkout").definition().killed()).isNotNull();
	}

	@Test
	void aReEnabledFlagIsJudgedOnNewCallsOnly() {
		Setup setup = setup(flag("checkout", policy(2, null, null, null, null)));
		setup.guard.recordFailure("checkout", FAST, BOOM);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).hasSize(1);
		setup.store.enable("checkout", "ops");
		setup.flagstaff.refresh();
		assertThat(setup.flagstaff.isEnabled("checkout")).isTrue();
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).as("the failures before the disable are forgotten").hasSize(1);
		assertThat(setup.guard.stats("checkout").failures()).isEqualTo(1);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).hasSize(2);
		assertThat(setup.flagstaff.evaluate("checkout", FeatureContext.empty()).reason()).isEqualTo(Reason.KILLED);
	}

	@Test
	void callsAfterATripDoNotDisableAgain() {
		Setup setup = setup(flag("checkout", policy(1, null, null, null, null)));
		for (int i = 0; i < 5; i++) {
			setup.guard.recordFailure("checkout", FAST, BOOM);
		}
		assertThat(this.events).hasSize(1);
		assertThat(setup.store.audit("checkout", 10)).hasSize(1);
	}

	@Test
	void callsRecordedForAFlagKilledBeforeARestartDoNotDisableItAgain() {
		Kill earlier = new Kill("health-guard", "earlier incident", NOW.minus(Duration.ofHours(1)));
		Setup setup = setup(flag("checkout", policy(1, null, null, null, null)).toBuilder().killed(earlier).build());
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).isEmpty();
		assertThat(setup.store.feature("checkout").definition().killed()).isEqualTo(earlier);
	}

	@Test
	void eightThreadsRecordingConcurrentlyLoseNoCount() throws Exception {
		FeatureDefinition flag = flag("checkout", policy(1_000_000, null, null, Duration.ofMillis(100), 1_000_000))
			.toBuilder()
			.variants(List.of(new VariantDefinition("a", 1, null), new VariantDefinition("b", 1, null)))
			.build();
		Setup setup = setup(flag);
		int threads = 8;
		int callsPerThread = 20_000;
		List<Thread> workers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int t = 0; t < threads; t++) {
			String variant = (t % 2 == 0) ? "a" : "b";
			workers.add(new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < callsPerThread; i++) {
					if (i % 10 == 0) {
						setup.guard.recordFailure("checkout", variant, 1000, BOOM);
					}
					else if (i % 10 == 1) {
						setup.guard.recordSuccess("checkout", variant, 200_000_000);
					}
					else {
						setup.guard.recordSuccess("checkout", variant, 1000);
					}
				}
			}));
		}
		workers.forEach(Thread::start);
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		long calls = (long) threads * callsPerThread;
		assertThat(setup.guard.stats("checkout"))
			.isEqualTo(new HealthStats(calls, calls / 10, calls / 10, Duration.ofMinutes(1)));
		assertThat(setup.guard.stats("checkout", "a").calls()).isEqualTo(calls / 2);
		assertThat(setup.guard.stats("checkout", "b").failures()).isEqualTo(calls / 20);
		assertThat(this.events).isEmpty();
	}

	@Test
	void aFailedStoreWriteIsRetriedOnTheNextCallThatCrossesThePolicy() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(flag("checkout", policy(2, null, null, null, null)));
		Flagstaff flagstaff = Flagstaff.builder(store).build();
		this.closeables.add(flagstaff);
		AtomicInteger attempts = new AtomicInteger();
		KillSwitch flaky = new KillSwitch() {

			@Override
			public void disable(String feature, Kill kill) {
				if (attempts.incrementAndGet() == 1) {
					throw new FeatureStoreException("store down");
				}
				KillSwitch.of(store).disable(feature, kill);
			}

			@Override
			public void setVariantWeights(String feature, Map<String, Integer> weights, Kill kill) {
				throw new UnsupportedOperationException();
			}

		};
		HealthGuard guard = HealthGuard.builder(flagstaff, flaky)
			.clock(this.clock)
			.executor(Runnable::run)
			.listener(this.events::add)
			.build();
		guard.recordFailure("checkout", FAST, BOOM);
		guard.recordFailure("checkout", FAST, BOOM);
		assertThat(this.events).isEmpty();
		assertThat(flagstaff.isEnabled("checkout")).isTrue();
		guard.recordFailure("checkout", FAST, BOOM);
		assertThat(attempts).hasValue(2);
		assertThat(this.events).singleElement().extracting((event) -> event.figures().get("failures")).isEqualTo(3L);
		assertThat(flagstaff.isEnabled("checkout")).isFalse();
	}

	@Test
	void aStoreWriteFailingWithAnErrorIsRetriedAndNeverReachesTheBusinessCall() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(flag("checkout", policy(1, null, null, null, null)));
		Flagstaff flagstaff = Flagstaff.builder(store).build();
		this.closeables.add(flagstaff);
		AtomicInteger attempts = new AtomicInteger();
		KillSwitch overflowing = new KillSwitch() {

			@Override
			public void disable(String feature, Kill kill) {
				if (attempts.incrementAndGet() == 1) {
					throw new StackOverflowError("a store client recursing without end");
				}
				KillSwitch.of(store).disable(feature, kill);
			}

			@Override
			public void setVariantWeights(String feature, Map<String, Integer> weights, Kill kill) {
				throw new UnsupportedOperationException();
			}

		};
		HealthGuard guard = HealthGuard.builder(flagstaff, overflowing)
			.clock(this.clock)
			.executor(Runnable::run)
			.listener(this.events::add)
			.build();
		guard.recordFailure("checkout", FAST, BOOM);
		assertThat(flagstaff.isEnabled("checkout")).isTrue();
		guard.recordFailure("checkout", FAST, BOOM);
		assertThat(attempts).hasValue(2);
		assertThat(flagstaff.isEnabled("checkout")).isFalse();
	}

	@Test
	void failuresTheGuardIsToldToIgnoreCountAsSuccesses() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(flag("checkout", policy(1, null, null, null, null)));
		Flagstaff flagstaff = Flagstaff.builder(store).build();
		this.closeables.add(flagstaff);
		HealthGuard guard = HealthGuard.builder(flagstaff, KillSwitch.of(store))
			.clock(this.clock)
			.executor(Runnable::run)
			.recordFailureWhen((failure) -> !(failure instanceof IllegalArgumentException))
			.listener(this.events::add)
			.build();
		guard.recordFailure("checkout", FAST, new IllegalArgumentException("bad input"));
		assertThat(guard.stats("checkout")).extracting(HealthStats::calls, HealthStats::failures)
			.containsExactly(1L, 0L);
		assertThat(this.events).isEmpty();
	}

	@Test
	void flagsWithoutAPolicyOrUnknownFlagsAreNotCounted() {
		Setup setup = setup(FeatureDefinition.builder("plain").build());
		setup.guard.recordFailure("plain", FAST, BOOM);
		setup.guard.recordFailure("missing", FAST, BOOM);
		assertThat(setup.guard.stats("plain")).isEqualTo(HealthStats.NONE);
		assertThat(setup.guard.stats("missing")).isEqualTo(HealthStats.NONE);
	}

	@Test
	void aThrowingListenerDoesNotStopTheOthers() {
		Setup setup = setup(flag("checkout", policy(1, null, null, null, null)));
		List<AutoDisabledEvent> seen = new ArrayList<>();
		setup.guard.addListener((event) -> {
			throw new IllegalStateException("listener bug");
		});
		setup.guard.addListener(seen::add);
		setup.guard.recordFailure("checkout", FAST, BOOM);
		assertThat(seen).hasSize(1);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void theWindowsFollowAnInjectedClockAndTheMonotonicTimeOfASystemClock() {
		LongSupplier injected = DefaultHealthGuard.ticker(this.clock);
		long before = injected.getAsLong();
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(injected.getAsLong() - before).isEqualTo(3_000_000_000L);
		LongSupplier system = DefaultHealthGuard.ticker(Clock.systemDefaultZone());
		long start = System.nanoTime();
		assertThat(system.getAsLong()).isBetween(start, System.nanoTime());
	}

	private Setup setup(FeatureDefinition... flags) {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(flags);
		Flagstaff flagstaff = Flagstaff.builder(store).build();
		this.closeables.add(flagstaff);
		HealthGuard guard = guard(flagstaff, store);
		return new Setup(store, flagstaff, guard);
	}

	private HealthGuard guard(Flagstaff flagstaff, WritableFeatureStore store) {
		HealthGuard guard = HealthGuard.builder(flagstaff, KillSwitch.of(store))
			.clock(this.clock)
			.executor(Runnable::run)
			.listener(this.events::add)
			.build();
		this.closeables.add(guard);
		return guard;
	}

	private static FeatureDefinition threeVariants() {
		return flag("checkout", policy(3, null, null, null, null, HealthPolicy.Scope.VARIANT)).toBuilder()
			.variants(List.of(new VariantDefinition("control", 50, null), new VariantDefinition("one-page", 30, null),
					new VariantDefinition("two-page", 20, null)))
			.build();
	}

	static FeatureDefinition flag(String key, HealthPolicy policy) {
		return FeatureDefinition.builder(key).owner("team").health(policy).build();
	}

	static HealthPolicy policy(Integer maxErrors, Double maxFailureRate, Integer minCalls, Duration latencyBaseline,
			Integer maxSlowCalls) {
		return policy(maxErrors, maxFailureRate, minCalls, latencyBaseline, maxSlowCalls, HealthPolicy.Scope.FEATURE);
	}

	static HealthPolicy policy(Integer maxErrors, Double maxFailureRate, Integer minCalls, Duration latencyBaseline,
			Integer maxSlowCalls, HealthPolicy.Scope scope) {
		return new HealthPolicy(maxErrors, null, maxFailureRate, minCalls, latencyBaseline, maxSlowCalls, null, scope);
	}

	record Setup(InMemoryFeatureStore store, Flagstaff flagstaff, HealthGuard guard) {
	}

}
