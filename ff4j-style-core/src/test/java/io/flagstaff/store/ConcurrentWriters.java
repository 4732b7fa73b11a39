package io.flagstaff.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.model.FeatureDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers, each with its own store instance, update one flag concurrently; checks
 * that no update is lost, every conflict is reported, and the final state is the last
 * successful write.
 */
public final class ConcurrentWriters {

	private ConcurrentWriters() {
	}

	/**
	 * One successful write.
	 *
	 * @param version the version it produced
	 * @param description what it wrote
	 */
	public record Success(long version, String description) {
	}

	/**
	 * Runs the writers and checks the outcome.
	 * @param first the first writer's store
	 * @param second the second writer's store
	 * @param key the flag, which must not exist yet
	 * @param attempts the total number of update attempts, split between the writers
	 * @return the successful writes, by version
	 * @throws Exception when a writer fails otherwise
	 */
	public static List<Success> run(WritableFeatureStore first, WritableFeatureStore second, String key, int attempts)
			throws Exception {
		first.create(FeatureDefinition.builder(key).description("initial").build(), "setup");
		ConcurrentLinkedQueue<Success> successes = new ConcurrentLinkedQueue<>();
		AtomicInteger conflicts = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> futures = new ArrayList<>();
			WritableFeatureStore[] stores = { first, second };
			for (int w = 0; w < 2; w++) {
				WritableFeatureStore store = stores[w];
				String writer = "writer-" + w;
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < attempts / 2; i++) {
						VersionedFeature current = store.feature(key);
						String description = writer + "-" + i;
						FeatureDefinition next = current.definition().toBuilder().description(description).build();
						try {
							VersionedFeature written = store.update(next, current.version(), writer);
							successes.add(new Success(written.version(), description));
						}
						catch (FeatureConflictException ex) {
							assertThat(ex.getKey()).isEqualTo(key);
							assertThat(ex.getExpectedVersion()).isEqualTo(current.version());
							assertThat(ex.getActualVersion()).isNotEqualTo(current.version());
							conflicts.incrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<Success> ordered = new ArrayList<>(successes);
		ordered.sort(Comparator.comparingLong(Success::version));
		System.out.println("CONCURRENT " + first + ": " + ordered.size() + " successful updates, " + conflicts.get()
				+ " conflicts reported, of " + attempts + " attempts");
		assertThat(ordered.size() + conflicts.get()).isEqualTo(attempts);
		assertThat(ordered).extracting(Success::version)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, ordered.size() + 1).boxed().toList());
		VersionedFeature last = first.feature(key);
		assertThat(last.version()).isEqualTo(ordered.size() + 1);
		assertThat(last.definition().description()).isEqualTo(ordered.get(ordered.size() - 1).description());
		assertThat(second.audit(key, attempts * 2)).filteredOn((entry) -> entry.action() == AuditAction.UPDATE)
			.hasSize(ordered.size());
		return ordered;
	}

}
