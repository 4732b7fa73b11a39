package io.flagstaff.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link StoreBootstrap} on a store that many application instances
 * share: {@link #INSTANCES} instances, each with its own connections, bootstrapping an
 * empty backend at the same moment create each flag and segment exactly once (one
 * {@code bootstrap} audit entry each) and none of them fails; {@code missing} never
 * changes a stored flag; {@code if-empty} writes only into an empty store; {@code none}
 * never writes. Each test opens a fresh backend ({@link #openBackend()}) and makes its
 * instances with {@link #createInstance(Clock)}, as {@link MultiInstanceStoreContract}
 * does.
 */
public abstract class StoreBootstrapContract {

	/** How many instances start together. */
	protected static final int INSTANCES = 8;

	/**
	 * The document: segments and prerequisites named before they are defined, so that
	 * only an ordered bootstrap can store it.
	 */
	protected static final String DOCUMENT = """
			version: 1
			segments:
			  eu-premium:
			    - { segment: eu }
			    - { attribute: accountType, in: [premium] }
			  eu:
			    - { attribute: region, in: [DE, FR] }
			features:
			  one-page-checkout:
			    requires: [ { feature: new-checkout } ]
			    rules:
			      - when: [ { segment: eu-premium } ]
			        serve: on
			    rollout: 0
			  new-checkout:
			    requires: [ { feature: payments-v2 } ]
			    rollout: 50
			  payments-v2:
			    enabled: true
			  ranked-search:
			    variants: { control: 50, ranked: 50 }
			  dark-mode:
			    enabled: false
			""";

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC);

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	/**
	 * Prepares a fresh, empty backend for one test, isolated from every other test;
	 * aborts the test (or fails it under {@code CI=true}) when the service is missing.
	 * @return what removes the backend, called after every instance is closed
	 * @throws Exception when the backend cannot be prepared
	 */
	protected abstract AutoCloseable openBackend() throws Exception;

	/**
	 * Creates another instance of the store over this test's backend, with its own
	 * connections, as another application instance would. The contract closes it.
	 * @param clock the clock for audit entries
	 * @return the store
	 * @throws Exception when the store cannot be created
	 */
	protected abstract WritableFeatureStore createInstance(Clock clock) throws Exception;

	@BeforeEach
	void openTheBackend() throws Exception {
		this.resources.add(openBackend());
	}

	@AfterEach
	void closeEverything() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private WritableFeatureStore instance() throws Exception {
		WritableFeatureStore store = createInstance(this.clock);
		this.resources.add(store);
		return store;
	}

	private static FeatureSet document() {
		return FeatureDocuments.parse(DOCUMENT, "bootstrap.yml");
	}

	@Test
	void instancesStartingTogetherAgainstAnEmptyStoreCreateEachFlagAndSegmentExactlyOnce() throws Exception {
		List<WritableFeatureStore> stores = new ArrayList<>();
		for (int i = 0; i < INSTANCES; i++) {
			stores.add(instance());
		}
		FeatureSet document = document();
		CyclicBarrier start = new CyclicBarrier(INSTANCES);
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		List<StoreBootstrap.Result> results = new ArrayList<>();
		try {
			List<Future<StoreBootstrap.Result>> futures = new ArrayList<>();
			for (WritableFeatureStore store : stores) {
				futures.add(executor.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return StoreBootstrap.run(store, document, StoreBootstrap.Mode.MISSING);
				}));
			}
			for (Future<StoreBootstrap.Result> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(results.stream().flatMap((result) -> result.createdFeatures().stream()))
			.as("every flag created by exactly one instance")
			.containsExactlyInAnyOrderElementsOf(document.features().keySet());
		assertThat(results.stream().flatMap((result) -> result.createdSegments().stream()))
			.as("every segment created by exactly one instance")
			.containsExactlyInAnyOrderElementsOf(document.segments().keySet());
		WritableFeatureStore reader = stores.get(0);
		for (String key : document.features().keySet()) {
			assertThat(reader.audit(key, 10)).as("audit of %s", key)
				.singleElement()
				.satisfies((entry) -> assertThat(entry.action()).isEqualTo(AuditAction.CREATE))
				.satisfies((entry) -> assertThat(entry.actor()).isEqualTo(StoreBootstrap.ACTOR));
		}
		for (String name : document.segments().keySet()) {
			assertThat(reader.audit(name, 10)).as("audit of segment %s", name)
				.singleElement()
				.satisfies((entry) -> assertThat(entry.action()).isEqualTo(AuditAction.PUT_SEGMENT))
				.satisfies((entry) -> assertThat(entry.actor()).isEqualTo(StoreBootstrap.ACTOR));
		}
		assertThat(reader.load().features()).isEqualTo(document);
	}

	@Test
	void missingCreatesWhatTheStoreLacksAndNeverTouchesAStoredFlag() throws Exception {
		WritableFeatureStore store = instance();
		FeatureDefinition changedAtRuntime = FeatureDefinition.builder("payments-v2")
			.enabled(false)
			.rollout(5.0)
			.build();
		store.create(changedAtRuntime, "alice");

		StoreBootstrap.Result result = StoreBootstrap.run(instance(), document(), StoreBootstrap.Mode.MISSING);

		assertThat(result.createdFeatures()).containsExactlyInAnyOrder("one-page-checkout", "new-checkout",
				"ranked-search", "dark-mode");
		assertThat(result.keptFeatures()).isEqualTo(1);
		VersionedFeature kept = store.feature("payments-v2");
		assertThat(kept).isNotNull();
		assertThat(kept.definition()).isEqualTo(changedAtRuntime);
		assertThat(kept.version()).isEqualTo(1);
		assertThat(store.audit("payments-v2", 10)).extracting(AuditEntry::actor).containsExactly("alice");
		StoreBootstrap.Result again = StoreBootstrap.run(store, document(), StoreBootstrap.Mode.MISSING);
		assertThat(again.createdFeatures()).isEmpty();
		assertThat(again.createdSegments()).isEmpty();
		assertThat(store.audit(100)).hasSize(1 + 4 + 2);
	}

	@Test
	void ifEmptySeedsAnEmptyStoreOnly() throws Exception {
		WritableFeatureStore empty = instance();
		StoreBootstrap.Result seeded = StoreBootstrap.run(empty, document(), StoreBootstrap.Mode.IF_EMPTY);
		assertThat(seeded.createdFeatures()).hasSize(5);
		assertThat(empty.load().features()).isEqualTo(document());
		empty.delete("dark-mode", "alice");

		StoreBootstrap.Result skipped = StoreBootstrap.run(instance(), document(), StoreBootstrap.Mode.IF_EMPTY);

		assertThat(skipped.createdFeatures()).isEmpty();
		assertThat(skipped.checked()).isFalse();
		assertThat(empty.load().features().features()).doesNotContainKey("dark-mode");
	}

	@Test
	void noneNeverWrites() throws Exception {
		WritableFeatureStore store = instance();
		StoreBootstrap.Result result = StoreBootstrap.run(store, document(), StoreBootstrap.Mode.NONE);
		assertThat(result.createdFeatures()).isEmpty();
		assertThat(store.load().features().features()).isEmpty();
		assertThat(store.audit(10)).isEmpty();
	}

}
