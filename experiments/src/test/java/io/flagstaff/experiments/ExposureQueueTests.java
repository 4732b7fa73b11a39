package io.flagstaff.experiments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.flagstaff.Exposure;
import io.flagstaff.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ExposureQueueTests {

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES)
	void aFullQueueNeverBlocksTheCallerAndCountsWhatItDrops() throws InterruptedException {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Exposure> delivered = new CopyOnWriteArrayList<>();
		try (ExposureQueue queue = new ExposureQueue(100)) {
			queue.addListener((exposure) -> {
				entered.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				delivered.add(exposure);
			});
			queue.onExposure(exposure("u-0"));
			assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i <= 10_000; i++) {
				queue.onExposure(exposure("u-" + i));
			}
			assertThat(queue.pending()).isEqualTo(100);
			assertThat(queue.dropped()).isEqualTo(10_000 - 100);
			release.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> queue.delivered() == 101);
			assertThat(delivered).extracting(Exposure::bucketingKey).startsWith("u-0", "u-1", "u-2").endsWith("u-100");
		}
	}

	@Test
	void everyListenerReceivesEachExposureEvenWhenOneThrows() {
		List<Exposure> received = new CopyOnWriteArrayList<>();
		try (ExposureQueue queue = new ExposureQueue()) {
			queue.addListener((exposure) -> {
				throw new IllegalStateException("exporter down");
			});
			queue.addListener(received::add);
			for (int i = 0; i < 50; i++) {
				queue.onExposure(exposure("u-" + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 50);
			assertThat(queue.dropped()).isZero();
		}
	}

	@Test
	void aListenerFailingWithAnErrorDoesNotStopDelivery() {
		List<Exposure> received = new CopyOnWriteArrayList<>();
		try (ExposureQueue queue = new ExposureQueue()) {
			queue.addListener((exposure) -> {
				throw (exposure.bucketingKey().hashCode() % 2 == 0) ? new StackOverflowError("exporter recursing")
						: new AssertionError("exporter bug");
			});
			queue.addListener(received::add);
			for (int i = 0; i < 50; i++) {
				queue.onExposure(exposure("u-" + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 50);
			assertThat(queue.delivered()).isEqualTo(50);
		}
	}

	@Test
	void closingDeliversWhatWasQueuedAndDropsWhatComesAfter() {
		List<Exposure> received = new CopyOnWriteArrayList<>();
		ExposureQueue queue = new ExposureQueue();
		queue.addListener(received::add);
		for (int i = 0; i < 20; i++) {
			queue.onExposure(exposure("u-" + i));
		}
		assertThat(queue.close(Duration.ofSeconds(30))).isTrue();
		assertThat(received).hasSize(20);
		queue.onExposure(exposure("late"));
		assertThat(queue.dropped()).isEqualTo(1);
	}

	@Test
	void theCapacityMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExposureQueue(0))
			.withMessage("capacity of the exposure queue must be at least 1, but was 0");
	}

	static Exposure exposure(String key) {
		return new Exposure("checkout", true, "one-page", Reason.ROLLOUT, key, key, Instant.EPOCH, 1);
	}

}
