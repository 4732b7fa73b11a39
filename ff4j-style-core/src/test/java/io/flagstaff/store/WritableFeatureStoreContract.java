package io.flagstaff.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The contract every {@link WritableFeatureStore} passes: a subclass supplies a fresh,
 * empty, isolated store (its own table prefix or key prefix) and cleans up after it.
 */
public abstract class WritableFeatureStoreContract {

	/** The time audit entries are stamped with. */
	protected static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	/** The clock handed to the store. */
	protected final MutableClock clock = new MutableClock(START);

	/** The store under test. */
	protected WritableFeatureStore store;

	/**
	 * Creates a fresh, empty store.
	 * @param clock the clock for audit entries
	 * @return the store
	 * @throws Exception when the store cannot be created
	 */
	protected abstract WritableFeatureStore createStore(MutableClock clock) throws Exception;

	@BeforeEach
	void createTheStore() throws Exception {
		this.store = createStore(this.clock);
	}

	@AfterEach
	void closeTheStore() {
		if (this.store != null) {
			this.store.close();
		}
	}

	/**
	 * A flag using most of the model, to check documents round-trip.
	 * @param key the key
	 * @return the flag
	 */
	protected static FeatureDefinition richFeature(String key) {
		return FeatureDefinition.builder(key)
			.description("One-page checkout")
			.owner("checkout-team")
			.type(FeatureType.EXPERIMENT)
			.environments(List.of("staging", "production"))
			.allow(List.of("u-1"))
			.deny(List.of("u-9"))
			.rule(Rule.serve(List.of(new Condition.Attribute("region", Operator.IN, List.of("DE", "RO"), false, false)),
					true))
			.rollout(12.5)
			.variants(List.of(new VariantDefinition("control", 50, null),
					new VariantDefinition("one-page", 50, FeatureValue.of(new BigDecimal("3")))))
			.build();
	}

	/**
	 * A plain on/off flag.
	 * @param key the key
	 * @return the flag
	 */
	protected static FeatureDefinition simpleFeature(String key) {
		return FeatureDefinition.builder(key).description("plain").build();
	}

	@Test
	void anEmptyStoreLoadsNoFlags() {
		StoreContent content = this.store.load();
		assertThat(content.features().features()).isEmpty();
		assertThat(content.features().segments()).isEmpty();
		assertThat(this.store.feature("missing")).isNull();
	}

	@Test
	void aCreatedFlagIsReadBackWithVersionOne() {
		FeatureDefinition feature = richFeature("new-checkout");
		VersionedFeature created = this.store.create(feature, "alice");
		assertThat(created.version()).isEqualTo(1);
		assertThat(this.store.feature("new-checkout")).isEqualTo(new VersionedFeature(feature, 1));
		assertThat(this.store.load().features().features()).containsEntry("new-checkout", feature);
	}

	@Test
	void creatingAFlagThatExistsIsAConflict() {
		this.store.create(simpleFeature("a"), "alice");
		assertThatExceptionOfType(FeatureConflictException.class)
			.isThrownBy(() -> this.store.create(simpleFeature("a"), "bob"))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("a");
				assertThat(ex.getExpectedVersion()).isZero();
				assertThat(ex.getActualVersion()).isEqualTo(1);
			});
	}

	@Test
	void anUpdateWithTheReadVersionBumpsVersionAndRevision() {
		this.store.create(simpleFeature("a"), "alice");
		long before = this.store.load().revision();
		FeatureDefinition changed = simpleFeature("a").toBuilder().description("changed").build();
		VersionedFeature updated = this.store.update(changed, 1, "bob");
		assertThat(updated.version()).isEqualTo(2);
		assertThat(this.store.feature("a")).isEqualTo(new VersionedFeature(changed, 2));
		assertThat(this.store.load().revision()).isNotEqualTo(before);
	}

	@Test
	void anUpdateWithAStaleVersionFailsNamingFlagAndVersionsAndKeepsTheStoredFlag() {
		this.store.create(simpleFeature("a"), "alice");
		FeatureDefinition first = simpleFeature("a").toBuilder().description("first").build();
		this.store.update(first, 1, "alice");
		FeatureDefinition stale = simpleFeature("a").toBuilder().description("stale").build();
		assertThatExceptionOfType(FeatureConflictException.class).isThrownBy(() -> this.store.update(stale, 1, "bob"))
			.withMessageContaining("'a'")
			.withMessageContaining("expected version 1")
			.withMessageContaining("version 2");
		assertThat(this.store.feature("a")).isEqualTo(new VersionedFeature(first, 2));
	}

	@Test
	void anUpdateOfAMissingFlagIsAConflict() {
		assertThatExceptionOfType(FeatureConflictException.class)
			.isThrownBy(() -> this.store.update(simpleFeature("ghost"), 1, "bob"))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isZero());
		assertThat(this.store.feature("ghost")).isNull();
	}

	@Test
	void deleteRemovesTheFlagAndTellsWhetherItExisted() {
		this.store.create(simpleFeature("a"), "alice");
		this.store.create(simpleFeature("b"), "alice");
		assertThat(this.store.delete("a", "bob")).isTrue();
		assertThat(this.store.delete("a", "bob")).isFalse();
		assertThat(this.store.feature("a")).isNull();
		assertThat(this.store.load().features().features()).containsOnlyKeys("b");
		assertThat(this.store.create(simpleFeature("a"), "carol").version()).isEqualTo(1);
	}

	@Test
	void disableWithAKillRecordsItAndEnableClearsIt() {
		this.store.create(simpleFeature("a"), "alice");
		Kill kill = new Kill("health-guard", "52 errors in 1m (max 50)", START);
		VersionedFeature killed = this.store.disable("a", kill, "health-guard");
		assertThat(killed.definition().enabled()).isFalse();
		assertThat(killed.definition().killed()).isEqualTo(kill);
		assertThat(this.store.feature("a").definition().killed()).isEqualTo(kill);
		VersionedFeature enabled = this.store.enable("a", "alice");
		assertThat(enabled.definition().enabled()).isTrue();
		assertThat(enabled.definition().killed()).isNull();
		assertThat(enabled.version()).isEqualTo(3);
		assertThat(this.store.disable("a", "bob").definition().enabled()).isFalse();
		assertThat(this.store.feature("a").definition().killed()).isNull();
	}

	@Test
	void setRolloutChangesOnlyTheRollout() {
		this.store.create(richFeature("a"), "alice");
		VersionedFeature changed = this.store.setRollout("a", 0.05, "alice");
		assertThat(changed.definition()).isEqualTo(richFeature("a").toBuilder().rollout(0.05).build());
		assertThat(this.store.feature("a").definition().rollout()).isEqualTo(0.05);
		assertThat(this.store.setRollout("a", null, "alice").definition().rollout()).isNull();
	}

	@ParameterizedTest
	@ValueSource(doubles = { -1, 100.5, 150, 12.345 })
	void setRolloutRejectsPercentagesOutsideTheRange(double percentage) {
		this.store.create(simpleFeature("a"), "alice");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.setRollout("a", percentage, "alice"))
			.withMessageContaining("rollout of flag 'a'");
		assertThat(this.store.feature("a").version()).isEqualTo(1);
	}

	@Test
	void setVariantWeightsKeepsTheValuesAndRejectsUnknownVariants() {
		this.store.create(richFeature("a"), "alice");
		VersionedFeature changed = this.store.setVariantWeights("a", Map.of("control", 10, "one-page", 90), "alice");
		assertThat(changed.definition().variants()).containsExactly(new VariantDefinition("control", 10, null),
				new VariantDefinition("one-page", 90, FeatureValue.of(new BigDecimal("3"))));
		assertThat(this.store.feature("a").definition().variants()).isEqualTo(changed.definition().variants());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.setVariantWeights("a", Map.of("treatment", 5), "alice"))
			.withMessageContaining("treatment")
			.withMessageContaining("control");
	}

	@Test
	void setVariantWeightsWithAReasonRecordsItInTheAudit() {
		this.store.create(richFeature("a"), "alice");
		this.store.setVariantWeights("a", Map.of("control", 100, "one-page", 0), "health-guard", "one-page failed");
		AuditEntry entry = this.store.audit("a", 1).get(0);
		assertThat(entry.action()).isEqualTo(AuditAction.SET_VARIANT_WEIGHTS);
		assertThat(entry.actor()).isEqualTo("health-guard");
		assertThat(entry.reason()).isEqualTo("one-page failed");
	}

	@Test
	void changingAMissingFlagFailsWithNotFound() {
		assertThatExceptionOfType(FeatureNotFoundException.class).isThrownBy(() -> this.store.enable("ghost", "alice"))
			.withMessageContaining("ghost");
		assertThatExceptionOfType(FeatureNotFoundException.class)
			.isThrownBy(() -> this.store.setRollout("ghost", 5.0, "alice"));
	}

	@Test
	void aBlankActorIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.create(simpleFeature("a"), " "))
			.withMessageContaining("actor");
		assertThat(this.store.feature("a")).isNull();
	}

	@Test
	void segmentsAreStoredWithTheFlags() {
		List<Condition> conditions = List
			.of(new Condition.Attribute("region", Operator.IN, List.of("DE", "RO"), false, false));
		this.store.putSegment("eu", conditions, "alice");
		FeatureDefinition feature = simpleFeature("a").toBuilder()
			.rule(Rule.serve(List.of(new Condition.Segment("eu", false)), true))
			.build();
		this.store.create(feature, "alice");
		StoreContent content = this.store.load();
		assertThat(content.features().segments()).containsEntry("eu", conditions);
		assertThat(content.features().features()).containsEntry("a", feature);
		assertThat(this.store.deleteSegment("eu", "alice")).isTrue();
		assertThat(this.store.deleteSegment("eu", "alice")).isFalse();
		assertThat(this.store.load().features().segments()).isEmpty();
	}

	@Test
	void everyWriteIsAuditedNewestFirst() {
		FeatureDefinition feature = simpleFeature("a");
		this.store.create(feature, "alice");
		this.clock.advance(Duration.ofMinutes(1));
		this.store.disable("a", new Kill("health-guard", "too many errors", START), "health-guard");
		this.clock.advance(Duration.ofMinutes(1));
		this.store.create(simpleFeature("b"), "bob");
		this.clock.advance(Duration.ofMinutes(1));
		this.store.delete("a", "carol");

		List<AuditEntry> ofA = this.store.audit("a", 10);
		assertThat(ofA).extracting(AuditEntry::action)
			.containsExactly(AuditAction.DELETE, AuditAction.KILL, AuditAction.CREATE);
		assertThat(ofA).extracting(AuditEntry::actor).containsExactly("carol", "health-guard", "alice");
		assertThat(ofA).extracting(AuditEntry::time)
			.containsExactly(START.plus(Duration.ofMinutes(3)), START.plus(Duration.ofMinutes(1)), START);
		AuditEntry create = ofA.get(2);
		assertThat(create.oldDefinition()).isNull();
		assertThat(create.newDefinition()).isEqualTo(feature);
		AuditEntry kill = ofA.get(1);
		assertThat(kill.oldDefinition()).isEqualTo(feature);
		assertThat(kill.newDefinition().enabled()).isFalse();
		assertThat(kill.reason()).isEqualTo("too many errors");
		assertThat(ofA.get(0).newDefinition()).isNull();
		assertThat(ofA.get(0).oldDefinition()).isEqualTo(kill.newDefinition());

		assertThat(this.store.audit(2)).extracting(AuditEntry::key).containsExactly("a", "b");
		assertThat(this.store.audit(10)).hasSize(4);
		assertThat(this.store.audit("a", 1)).hasSize(1);
		assertThat(this.store.audit("nothing", 5)).isEmpty();
	}

	@Test
	void subscribersHearAboutWrites() throws Exception {
		AtomicInteger changes = new AtomicInteger();
		try (AutoCloseable subscription = this.store.subscribe(changes::incrementAndGet)) {
			int before = changes.get();
			this.store.create(simpleFeature("a"), "alice");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(changes.get()).isGreaterThan(before));
		}
	}

	@Test
	void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
		this.store.create(simpleFeature("counter").toBuilder().description("0").build(), "setup");
		int threads = 4;
		int increments = 15;
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					for (int i = 0; i < increments; i++) {
						while (true) {
							VersionedFeature current = this.store.feature("counter");
							int value = Integer.parseInt(current.definition().description());
							FeatureDefinition next = current.definition()
								.toBuilder()
								.description(Integer.toString(value + 1))
								.build();
							try {
								this.store.update(next, current.version(), "writer");
								break;
							}
							catch (FeatureConflictException ex) {
								conflicts.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		VersionedFeature last = this.store.feature("counter");
		assertThat(last.definition().description()).isEqualTo(Integer.toString(threads * increments));
		assertThat(last.version()).isEqualTo(1 + threads * increments);
		assertThat(this.store.audit("counter", 1000)).filteredOn((entry) -> entry.action() == AuditAction.UPDATE)
			.hasSize(threads * increments);
	}

}
