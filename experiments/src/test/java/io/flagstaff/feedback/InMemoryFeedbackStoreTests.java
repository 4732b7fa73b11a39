package io.flagstaff.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryFeedbackStoreTests {

	private static Feedback feedback(String feature, int index) {
		return new Feedback(feature, "u-" + index, null, 1 + (index % 5), "comment " + index,
				Instant.EPOCH.plusSeconds(index));
	}

	@Test
	void eachFeatureKeepsItsNewestEntriesAndCountsTheDroppedOnes() {
		InMemoryFeedbackStore store = new InMemoryFeedbackStore(3);
		for (int i = 0; i < 10; i++) {
			store.save(feedback("new-ui", i));
		}
		store.save(feedback("search", 0));
		assertThat(store.find("new-ui", 100)).extracting(Feedback::userId).containsExactly("u-7", "u-8", "u-9");
		assertThat(store.find("new-ui", 2)).extracting(Feedback::userId).containsExactly("u-7", "u-8");
		assertThat(store.find("search", 100)).hasSize(1);
		assertThat(store.dropped()).isEqualTo(7);
	}

	@Test
	void tenThousandConcurrentPostsStayWithinTheBound() throws Exception {
		InMemoryFeedbackStore store = new InMemoryFeedbackStore();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int offset = writer * 2_500;
				writers.add(executor.submit(() -> {
					for (int i = 0; i < 2_500; i++) {
						store.save(feedback("new-ui", offset + i));
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(store.find("new-ui", Integer.MAX_VALUE)).hasSize(InMemoryFeedbackStore.DEFAULT_MAX_PER_FEATURE);
		assertThat(store.dropped()).isEqualTo(10_000 - InMemoryFeedbackStore.DEFAULT_MAX_PER_FEATURE);
	}

	@Test
	void aBoundBelowOneIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryFeedbackStore(0))
			.withMessage("maxPerFeature of the in-memory feedback store must be at least 1, but was 0");
	}

}
