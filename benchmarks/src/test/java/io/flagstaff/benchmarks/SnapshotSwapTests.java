package io.flagstaff.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.Flagstaff;
import io.flagstaff.store.InMemoryFeatureStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The stress check of {@link SnapshotSwapBenchmark}, bounded: two readers never see a
 * half-built snapshot while a writer swaps configurations, and they do see both
 * configurations.
 */
class SnapshotSwapTests {

	@Test
	void readersNeverSeeAHalfBuiltSnapshotWhileTheStoreSwaps() throws Exception {
		InMemoryFeatureStore store = new InMemoryFeatureStore(SnapshotSwapBenchmark.configuration(true));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			AtomicBoolean writing = new AtomicBoolean(true);
			LongAdder seenOn = new LongAdder();
			LongAdder seenOff = new LongAdder();
			List<Future<?>> readers = new ArrayList<>();
			for (int r = 0; r < 2; r++) {
				readers.add(pool.submit(() -> {
					while (writing.get()) {
						(SnapshotSwapBenchmark.readConsistently(flagstaff.snapshot()) ? seenOn : seenOff).increment();
					}
				}));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			int swap = 0;
			while (swap < 2_000 || ((seenOn.sum() == 0 || seenOff.sum() == 0) && System.nanoTime() < deadline)) {
				swap++;
				store.replace(SnapshotSwapBenchmark.configuration(swap % 2 == 0));
			}
			store.replace(SnapshotSwapBenchmark.configuration(true));
			writing.set(false);
			for (Future<?> reader : readers) {
				reader.get(1, TimeUnit.MINUTES);
			}
			assertThat(seenOn.sum()).isPositive();
			assertThat(seenOff.sum()).isPositive();
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> SnapshotSwapBenchmark.readConsistently(flagstaff.snapshot()));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theCheckFailsLoudlyOnAnInconsistentSnapshot() {
		InMemoryFeatureStore store = new InMemoryFeatureStore(SnapshotSwapBenchmark.configuration(true));
		store.put(io.flagstaff.model.FeatureDefinition.builder("pair-0").enabled(false).build());
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> SnapshotSwapBenchmark.readConsistently(flagstaff.snapshot()))
				.withMessageContaining("half-built snapshot");
		}
	}

}
