package io.flagstaff.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.flagstaff.Exposure;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.Reason;
import io.flagstaff.UsageSnapshot;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.StoreListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FlagstaffApiTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private static final FeatureContext USER = FeatureContext.ofUser("u-1");

	private static FeatureDefinition valued(String key, FeatureValue value) {
		return FeatureDefinition.builder(key).variants(List.of(new VariantDefinition("only", 1, value))).build();
	}

	private static Flagstaff flagstaff(FeatureStore store) {
		return Flagstaff.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
	}

	@Test
	void unknownFlagsReturnTheDefaultAndAreCounted() {
		try (Flagstaff flagstaff = flagstaff(InMemoryFeatureStore.of(FeatureDefinition.builder("known").build()))) {
			assertThat(flagstaff.isEnabled("unknown")).isFalse();
			assertThat(flagstaff.getString("unknown", USER, "fallback")).isEqualTo("fallback");
			assertThat(flagstaff.getBoolean("unknown", USER, true)).isTrue();
			assertThat(flagstaff.evaluate("unknown", USER).reason()).isEqualTo(Reason.FLAG_NOT_FOUND);
			assertThat(flagstaff.snapshot().isEnabled("other")).isFalse();
			assertThat(flagstaff.unknownFlagCounts()).containsExactly(java.util.Map.entry("other", 1L),
					java.util.Map.entry("unknown", 4L));
		}
	}

	@Test
	void strictModeThrowsNamingTheClosestKeys() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("new-checkout").build(),
				FeatureDefinition.builder("dark-mode").build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).strict(true).build()) {
			assertThatExceptionOfType(FeatureNotFoundException.class)
				.isThrownBy(() -> flagstaff.isEnabled("new-chekout"))
				.withMessage("No flag has the key 'new-chekout'; closest known keys: new-checkout. Define the flag in "
						+ "the feature configuration or fix the key.")
				.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("new-chekout"));
			assertThat(flagstaff.unknownFlagCounts()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "text, 0, 0.0", "42, 42, 42.0", "2.5, 7, 2.5", "3000000000, 7, 3.0E9" })
	void typedGettersReturnTheServedValueOrTheDefault(String served, int expectedInt, double expectedDouble) {
		FeatureValue value = served.equals("text") ? FeatureValue.of(served) : FeatureValue.of(new BigDecimal(served));
		int defaultInt = served.equals("text") ? 0 : 7;
		try (Flagstaff flagstaff = flagstaff(InMemoryFeatureStore.of(valued("v", value)))) {
			assertThat(flagstaff.getInt("v", USER, defaultInt)).isEqualTo(expectedInt);
			assertThat(flagstaff.getDouble("v", USER, 0.0)).isEqualTo(expectedDouble);
			assertThat(flagstaff.getString("v", USER, "d")).isEqualTo(served.equals("text") ? "text" : "d");
		}
	}

	@Test
	void jsonAndBooleanValuesAreServedAndOffFlagsServeTheDefault() {
		JsonNode json = JsonMapper.builder().build().readTree("{\"steps\":1}");
		JsonNode fallback = JsonNodeFactory.instance.objectNode();
		InMemoryFeatureStore store = InMemoryFeatureStore.of(valued("json", FeatureValue.of(json)),
				valued("bool", FeatureValue.of(false)),
				valued("off", FeatureValue.of("x")).toBuilder().enabled(false).build());
		try (Flagstaff flagstaff = flagstaff(store)) {
			assertThat(flagstaff.getJson("json", USER, fallback)).isEqualTo(json);
			assertThat(flagstaff.getBoolean("bool", USER, true)).isFalse();
			assertThat(flagstaff.getBoolean("json", USER, false)).isTrue();
			assertThat(flagstaff.getString("off", USER, "d")).isEqualTo("d");
			assertThat(flagstaff.getBoolean("off", USER, true)).isFalse();
			assertThat(flagstaff.variant("off", USER)).isNull();
		}
	}

	@Test
	void overridesForceFlagsAboveTheStoreAndSurviveReloads() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("a").enabled(false).build(),
				FeatureDefinition.builder("b")
					.variants(List.of(new VariantDefinition("x", 1, null), new VariantDefinition("y", 0, null)))
					.build());
		try (Flagstaff flagstaff = flagstaff(store)) {
			flagstaff.overrides().force("a", true);
			flagstaff.overrides().forceVariant("b", "y");
			assertThat(flagstaff.evaluate("a", USER).reason()).isEqualTo(Reason.OVERRIDE);
			assertThat(flagstaff.isEnabled("a", USER)).isTrue();
			assertThat(flagstaff.variant("b", USER)).isEqualTo("y");
			store.put(FeatureDefinition.builder("c").build());
			assertThat(flagstaff.isEnabled("a", USER)).isTrue();
			assertThat(flagstaff.overrides().current()).containsEntry("a", "on").containsEntry("b", "y");
			assertThat(flagstaff.snapshot().definition("a").enabled()).isFalse();
			flagstaff.overrides().clear("a");
			assertThat(flagstaff.isEnabled("a", USER)).isFalse();
			flagstaff.overrides().clearAll();
			assertThat(flagstaff.variant("b", USER)).isEqualTo("x");
			assertThatExceptionOfType(FeatureNotFoundException.class)
				.isThrownBy(() -> flagstaff.overrides().force("z", true));
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> flagstaff.overrides().forceVariant("b", "nope"))
				.withMessageContaining("[x, y]");
		}
	}

	@Test
	void anOverrideOfAVariantTheStoreRemovesDoesNotBlockTheReload() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("b")
			.variants(List.of(new VariantDefinition("x", 1, null), new VariantDefinition("y", 0, null)))
			.build());
		try (Flagstaff flagstaff = flagstaff(store)) {
			flagstaff.overrides().forceVariant("b", "y");
			store.put(FeatureDefinition.builder("b")
				.enabled(false)
				.variants(List.of(new VariantDefinition("x", 1, null)))
				.build());
			assertThat(flagstaff.snapshot().definition("b").enabled()).isFalse();
			assertThat(flagstaff.evaluate("b", USER).reason()).isEqualTo(Reason.OVERRIDE);
			assertThat(flagstaff.variant("b", USER)).isEqualTo("x");
		}
	}

	@Test
	void usageCountsOnOffAndVariants() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("off").enabled(false).build(),
				FeatureDefinition.builder("v").variants(List.of(new VariantDefinition("only", 1, null))).build());
		try (Flagstaff flagstaff = flagstaff(store)) {
			for (int i = 0; i < 3; i++) {
				flagstaff.isEnabled("off", USER);
				flagstaff.variant("v", USER);
			}
			flagstaff.getString("v", USER, "d");
			UsageSnapshot usage = flagstaff.usage();
			assertThat(usage.feature("off"))
				.isEqualTo(new UsageSnapshot.FeatureUsage(0, 3, java.util.Map.of(), NOW, NOW));
			assertThat(usage.feature("v").on()).isEqualTo(4);
			assertThat(usage.feature("v").variants()).containsExactly(java.util.Map.entry("only", 4L));
			assertThat(usage.features()).containsOnlyKeys("off", "v");
		}
	}

	@Test
	void usageCountsStayExactUnderConcurrentEvaluation() throws InterruptedException {
		try (Flagstaff flagstaff = flagstaff(InMemoryFeatureStore.of(FeatureDefinition.builder("f").build()))) {
			Thread[] threads = new Thread[4];
			for (int t = 0; t < threads.length; t++) {
				threads[t] = new Thread(() -> {
					for (int i = 0; i < 25_000; i++) {
						flagstaff.isEnabled("f", USER);
					}
				});
				threads[t].start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			assertThat(flagstaff.usage().feature("f").on()).isEqualTo(100_000);
		}
	}

	@Test
	void usageCountsStayExactWithMoreThreadsThanCounterCells() throws InterruptedException {
		try (Flagstaff flagstaff = flagstaff(InMemoryFeatureStore.of(FeatureDefinition.builder("f").build(),
				FeatureDefinition.builder("off").enabled(false).build(),
				FeatureDefinition.builder("v").variants(List.of(new VariantDefinition("only", 1, null))).build()))) {
			Thread[] threads = new Thread[StripedCounter.CELLS * 2 + 3];
			for (int t = 0; t < threads.length; t++) {
				threads[t] = new Thread(() -> {
					for (int i = 0; i < 1_000; i++) {
						flagstaff.isEnabled("f", USER);
						flagstaff.isEnabled("off", USER);
						flagstaff.variant("v", USER);
					}
				});
				threads[t].start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			assertThat(flagstaff.usage().feature("f").on()).isEqualTo(threads.length * 1_000L);
			assertThat(flagstaff.usage().feature("off").off()).isEqualTo(threads.length * 1_000L);
			assertThat(flagstaff.usage().feature("v").variants()).containsEntry("only", threads.length * 1_000L);
		}
	}

	@Test
	void usageStatisticsCanBeTurnedOffWithoutChangingAnswers() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("on").build(),
				FeatureDefinition.builder("off").enabled(false).build(),
				FeatureDefinition.builder("v").variants(List.of(new VariantDefinition("only", 1, null))).build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).usageStatistics(false).build()) {
			assertThat(flagstaff.isEnabled("on", USER)).isTrue();
			assertThat(flagstaff.isEnabled("off", USER)).isFalse();
			assertThat(flagstaff.variant("v", USER)).isEqualTo("only");
			assertThat(flagstaff.evaluate("off", USER).reason()).isEqualTo(Reason.DISABLED);
			assertThat(flagstaff.usage().features()).isEmpty();
		}
	}

	@Test
	void trackedFlagsAreHandedToTheExposureListener() {
		List<Exposure> exposures = new CopyOnWriteArrayList<>();
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("tracked").track(true).build(),
				FeatureDefinition.builder("untracked").build());
		try (Flagstaff flagstaff = Flagstaff.builder(store)
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.exposureListener(exposures::add)
			.build()) {
			flagstaff.isEnabled("tracked", USER);
			flagstaff.isEnabled("untracked", USER);
			assertThat(exposures).containsExactly(new Exposure("tracked", true, null, Reason.DEFAULT, "u-1", "u-1", NOW,
					flagstaff.snapshot().version()));
		}
	}

	@Test
	void aFailingExposureListenerDoesNotBreakEvaluation() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("tracked").track(true).build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).exposureListener((exposure) -> {
			throw new IllegalStateException("queue full");
		}).build()) {
			assertThat(flagstaff.isEnabled("tracked", USER)).isTrue();
		}
	}

	@Test
	void refreshRethrowsInvalidContentAndKeepsTheLastGoodSnapshot() {
		InMemoryFeatureStore store = InMemoryFeatureStore.of(FeatureDefinition.builder("a").build());
		try (Flagstaff flagstaff = flagstaff(store)) {
			store.close();
			store.put(FeatureDefinition.builder("a").rollout(-1.0).build());
			FeatureSnapshot before = flagstaff.snapshot();
			assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(flagstaff::refresh)
				.withMessageContaining("features.a.rollout: must be between 0 and 100, was -1.0");
			assertThat(flagstaff.snapshot()).isSameAs(before);
			assertThat(flagstaff.isEnabled("a")).isTrue();
		}
	}

	@Test
	void aStoreOutageKeepsServingAndIsAnnouncedOnceThenRecovery() {
		FlakyStore store = new FlakyStore(InMemoryFeatureStore.of(FeatureDefinition.builder("a").build()));
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			store.down.set(true);
			assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(flagstaff::refresh);
			store.delegate.put(FeatureDefinition.builder("a").enabled(false).build());
			assertThat(flagstaff.isEnabled("a")).isTrue();
			store.down.set(false);
			store.delegate.put(FeatureDefinition.builder("a").enabled(false).build());
			assertThat(flagstaff.isEnabled("a")).isFalse();
			assertThat(events).extracting((event) -> event.getClass().getSimpleName())
				.containsExactly("SnapshotSwapped", "StoreDown", "ReloadFailed", "ReloadFailed", "StoreUp",
						"SnapshotSwapped");
		}
	}

	@Test
	void readersNeverSeeAHalfBuiltSnapshot() throws InterruptedException {
		InMemoryFeatureStore store = new InMemoryFeatureStore(consistent(true));
		AtomicBoolean stop = new AtomicBoolean();
		List<String> failures = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = flagstaff(store)) {
			Thread[] readers = new Thread[2];
			for (int r = 0; r < readers.length; r++) {
				readers[r] = new Thread(() -> {
					long lastVersion = 0;
					while (!stop.get()) {
						FeatureSnapshot snapshot = flagstaff.snapshot();
						boolean first = snapshot.isEnabled("flag-0", USER);
						for (int i = 1; i < 20; i++) {
							if (snapshot.isEnabled("flag-" + i, USER) != first) {
								failures.add("mixed states in version " + snapshot.version());
							}
						}
						if (snapshot.version() < lastVersion || snapshot.featureKeys().size() != 20) {
							failures.add("went back or lost flags at version " + snapshot.version());
						}
						lastVersion = snapshot.version();
					}
				});
				readers[r].start();
			}
			for (int i = 0; i < 300; i++) {
				store.replace(consistent(i % 2 == 1));
			}
			stop.set(true);
			for (Thread reader : readers) {
				reader.join();
			}
			assertThat(failures).isEmpty();
			assertThat(flagstaff.snapshot().version()).isEqualTo(301);
		}
	}

	private static io.flagstaff.model.FeatureSet consistent(boolean on) {
		FeatureDefinition[] flags = new FeatureDefinition[20];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = FeatureDefinition.builder("flag-" + i).enabled(on).build();
		}
		return io.flagstaff.model.FeatureSet.of(flags);
	}

	/**
	 * A store that can be made unreachable.
	 */
	private static final class FlakyStore implements FeatureStore {

		final InMemoryFeatureStore delegate;

		final AtomicBoolean down = new AtomicBoolean();

		FlakyStore(InMemoryFeatureStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public StoreContent load() {
			if (this.down.get()) {
				throw new FeatureStoreException("store unreachable");
			}
			return this.delegate.load();
		}

		@Override
		public AutoCloseable subscribe(StoreListener listener) {
			return this.delegate.subscribe(listener);
		}

	}

}
