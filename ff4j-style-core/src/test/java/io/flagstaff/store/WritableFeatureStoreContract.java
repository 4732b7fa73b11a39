package io.flagstaff.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> this.store.setRollout("a", percentage, "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.a.rollout"))
			.withMessageContaining("'a'")
			.withMessageContaining("nothing was stored");
		assertThat(this.store.feature("a").version()).isEqualTo(1);
	}

	@Test
	void setVariantWeightsKeepsTheValuesAndRejectsUnknownVariants() {
		this.store.create(richFeature("a"), "alice");
		VersionedFeature changed = this.store.setVariantWeights("a", Map.of("control", 10, "one-page", 90), "alice");
		assertThat(changed.definition().variants()).containsExactly(new VariantDefinition("control", 10, null),
				new VariantDefinition("one-page", 90, FeatureValue.of(new BigDecimal("3"))));
		assertThat(this.store.feature("a").definition().variants()).isEqualTo(changed.definition().variants());
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> this.store.setVariantWeights("a", Map.of("treatment", 5), "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
				assertThat(problem.path()).isEqualTo("features.a.variants.treatment");
				assertThat(problem.message()).contains("control");
			}));
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
		this.store.delete("a", "alice");
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

	/**
	 * Stores a flag without any check, as a hand edit of the store would, so tests can
	 * start from a stored set that already has problems. The default skips the tests that
	 * need it.
	 * @param feature the flag
	 * @throws Exception when it cannot be stored
	 */
	protected void storeUnchecked(FeatureDefinition feature) throws Exception {
		Assumptions.abort(getClass().getSimpleName() + " cannot hold a set with problems");
	}

	static Stream<Arguments> writesThatBreakTheSet() {
		return Stream.of(
				Arguments.of("a rollout of 150", "features.a.rollout",
						(BadWrite) (store) -> store.setRollout("a", 150.0, "mallory")),
				Arguments.of("an update with a rollout of 150", "features.a.rollout",
						(BadWrite) (store) -> store.update(richFeature("a").toBuilder().rollout(150.0).build(), 1,
								"mallory")),
				Arguments.of("a new flag with a rollout of 150", "features.c.rollout",
						(BadWrite) (store) -> store.create(simpleFeature("c").toBuilder().rollout(150.0).build(),
								"mallory")),
				Arguments.of("a prerequisite on a missing flag", "features.c.requires[0].feature",
						(BadWrite) (store) -> store.create(
								simpleFeature("c").toBuilder().requires(List.of(Prerequisite.on("ghost"))).build(),
								"mallory")),
				Arguments.of("a prerequisite cycle", "features.a.requires|features.b.requires",
						(BadWrite) (store) -> store.update(
								richFeature("a").toBuilder().requires(List.of(Prerequisite.on("b"))).build(), 1,
								"mallory")),
				Arguments.of("deleting a flag another requires", "features.b.requires[0].feature",
						(BadWrite) (store) -> store.delete("a", "mallory")),
				Arguments.of("weights for a variant the flag lacks", "features.a.variants.treatment",
						(BadWrite) (store) -> store.setVariantWeights("a", Map.of("treatment", 10), "mallory")),
				Arguments.of("weights that add up to 0", "features.a.variants",
						(BadWrite) (store) -> store.setVariantWeights("a", Map.of("control", 0, "one-page", 0),
								"mallory")),
				Arguments.of("a rule serving a variant the flag lacks", "features.a.rules[1].variant",
						(BadWrite) (store) -> store.update(
								richFeature("a").toBuilder().rule(Rule.variant(List.of(), "treatment")).build(), 1,
								"mallory")),
				Arguments.of("deleting a segment a flag uses", "features.b.rules[0].when[0].segment",
						(BadWrite) (store) -> store.deleteSegment("eu", "mallory")),
				Arguments.of("a segment with an invalid regex", "segments.eu[0].regex",
						(BadWrite) (store) -> store.putSegment("eu", List
							.of(new Condition.Attribute("email", Operator.REGEX, List.of("(unclosed"), false, false)),
								"mallory")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writesThatBreakTheSet")
	void aWriteThatBreaksTheSetIsRejectedNamingThePlaceAndNothingIsStoredOrAudited(String name, String path,
			BadWrite write) {
		storeValidSet();
		StoreContent before = this.store.load();
		List<AuditEntry> audit = this.store.audit(100);
		VersionedFeature a = this.store.feature("a");
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> write.apply(this.store))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsAnyElementsOf(List.of(path.split("\\|"))))
			.withMessageContaining("mallory")
			.withMessageContaining("nothing was stored");
		StoreContent after = this.store.load();
		assertThat(after.features()).isEqualTo(before.features());
		assertThat(after.revision()).isEqualTo(before.revision());
		assertThat(this.store.audit(100)).isEqualTo(audit);
		assertThat(this.store.feature("a")).isEqualTo(a);
	}

	/**
	 * Stores a valid set: {@code a} (the rich flag), {@code b} requiring {@code a} and
	 * using segment {@code eu}.
	 */
	private void storeValidSet() {
		this.store.putSegment("eu",
				List.of(new Condition.Attribute("region", Operator.IN, List.of("DE", "RO"), false, false)), "alice");
		this.store.create(richFeature("a"), "alice");
		this.store.create(simpleFeature("b").toBuilder()
			.requires(List.of(Prerequisite.on("a")))
			.rule(Rule.serve(List.of(new Condition.Segment("eu", false)), true))
			.build(), "alice");
	}

	@Test
	void problemsAlreadyStoredDoNotBlockUnrelatedWritesButNewOnesAreStillRejected() throws Exception {
		storeUnchecked(simpleFeature("broken").toBuilder().requires(List.of(Prerequisite.on("ghost"))).build());
		this.store.create(richFeature("a"), "alice");
		this.store.setRollout("a", 25.0, "alice");
		this.store.setRollout("broken", 50.0, "alice");
		this.store.disable("broken", new Kill("health-guard", "too many errors", START), "health-guard");
		this.store.enable("broken", "alice");
		assertThat(this.store.feature("a").definition().rollout()).isEqualTo(25.0);
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> this.store.setRollout("broken", 150.0, "alice"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::path)
				.containsExactly("features.broken.rollout"));
		assertThat(this.store.delete("broken", "alice")).isTrue();
	}

	@Test
	void ofTwoValidWritesCheckedOnTheSameRevisionThatTogetherBreakTheSetOneIsRefused() throws Exception {
		this.store.create(simpleFeature("parent"), "setup");
		FeatureDefinition child = simpleFeature("child").toBuilder()
			.requires(List.of(Prerequisite.on("parent")))
			.build();
		List<Attempt> attempts = writeCheckedOnTheSameRevision(() -> this.store.delete("parent", "alice"),
				() -> this.store.create(child, "bob"));
		List<Attempt> refused = attempts.stream().filter((attempt) -> attempt.failure() != null).toList();
		assertThat(refused).as("exactly one of the two writes is refused").hasSize(1);
		Attempt loser = refused.get(0);
		Attempt winner = attempts.get(1 - attempts.indexOf(loser));
		assertThat(loser.checks()).as("the refused write was checked again on the content the other write left")
			.isGreaterThan(winner.checks());
		assertThat(loser.failure()).isInstanceOf(FeatureConfigException.class)
			.hasMessageContaining(loser.actor())
			.hasMessageContaining("nothing was stored");
		assertThat(((FeatureConfigException) loser.failure()).getProblems()).extracting(ConfigProblem::path)
			.containsExactly("features.child.requires[0].feature");
		StoreContent after = this.store.load();
		assertThat(FeatureDocuments.problems(after.features())).isEmpty();
		if (winner.actor().equals("alice")) {
			assertThat(after.features().features()).isEmpty();
		}
		else {
			assertThat(after.features().features()).containsOnlyKeys("parent", "child");
		}
		assertThat(this.store.audit(10)).extracting(AuditEntry::actor).containsExactly(winner.actor(), "setup");
	}

	@Test
	void twoValidWritesCheckedOnTheSameRevisionThatFitTogetherAreBothKept() throws Exception {
		this.store.create(simpleFeature("parent"), "setup");
		FeatureDefinition first = simpleFeature("first").toBuilder()
			.requires(List.of(Prerequisite.on("parent")))
			.build();
		FeatureDefinition second = simpleFeature("second").toBuilder()
			.requires(List.of(Prerequisite.on("parent")))
			.build();
		List<Attempt> attempts = writeCheckedOnTheSameRevision(() -> this.store.create(first, "alice"),
				() -> this.store.create(second, "bob"));
		assertThat(attempts).extracting(Attempt::failure).containsOnlyNulls();
		assertThat(attempts).extracting(Attempt::checks)
			.as("the later write was checked again")
			.doesNotHaveDuplicates();
		StoreContent after = this.store.load();
		assertThat(after.features().features()).containsOnlyKeys("parent", "first", "second");
		assertThat(FeatureDocuments.problems(after.features())).isEmpty();
		assertThat(this.store.audit(10)).extracting(AuditEntry::actor)
			.containsExactlyInAnyOrder("alice", "bob", "setup");
	}

	/**
	 * Runs two writes, by {@code alice} and {@code bob}, on two threads so that both are
	 * checked on the same stored content (the same revision) before either is stored:
	 * each write's first check waits until the other write has read the content too. The
	 * barrier hangs on the check seam every store's writes go through
	 * ({@link WriteCheck#within}), so no store is mocked or subclassed.
	 * @param alice the first write
	 * @param bob the second write
	 * @return what happened to each write, alice's first
	 */
	private List<Attempt> writeCheckedOnTheSameRevision(Runnable alice, Runnable bob) throws Exception {
		CyclicBarrier bothRead = new CyclicBarrier(2);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<Attempt> first = executor.submit(() -> attempt("alice", alice, bothRead));
			Future<Attempt> second = executor.submit(() -> attempt("bob", bob, bothRead));
			return List.of(first.get(), second.get());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private Attempt attempt(String actor, Runnable write, CyclicBarrier bothRead) {
		AtomicInteger views = new AtomicInteger();
		UnaryOperator<FeatureSet> waitForTheOtherReadOnce = (set) -> {
			if (views.incrementAndGet() == 1) {
				try {
					// a deadline, not a timing assertion: a store that kept the other
					// writer from reading would otherwise hang the build
					bothRead.await(1, TimeUnit.MINUTES);
				}
				catch (Exception ex) {
					throw new IllegalStateException("the other write never read the store's content", ex);
				}
			}
			return set;
		};
		try {
			WriteCheck.within(this, this.store, List.of(waitForTheOtherReadOnce), () -> {
				write.run();
				return null;
			});
			return new Attempt(actor, views.get() / 2, null);
		}
		catch (FeatureConfigException ex) {
			return new Attempt(actor, views.get() / 2, ex);
		}
	}

	/**
	 * What happened to one write.
	 *
	 * @param actor who wrote
	 * @param checks how often the write was checked (each check views the content before
	 * and after the write)
	 * @param failure why it was refused, {@code null} when it was stored
	 */
	private record Attempt(String actor, int checks, @Nullable Exception failure) {
	}

	/**
	 * A write under test.
	 */
	@FunctionalInterface
	interface BadWrite {

		void apply(WritableFeatureStore store);

	}

}
