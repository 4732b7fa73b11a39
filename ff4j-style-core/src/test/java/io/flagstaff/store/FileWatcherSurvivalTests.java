package io.flagstaff.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.Reproducers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file watcher keeps reloading after each failure kind issue 16 found: every
 * reproducer document (one raised a {@link StackOverflowError} that cancelled the polling
 * task for good), and subscribers failing with errors of any kind.
 */
class FileWatcherSurvivalTests {

	@TempDir
	Path folder;

	@Test
	void theWatcherReloadsAfterEachReproducerDocument() throws Exception {
		Path file = this.folder.resolve("features.yml");
		write(file, good(0));
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		FileFeatureStore store = store(file);
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			int step = 0;
			for (Map.Entry<String, String> reproducer : Reproducers.documents().entrySet()) {
				long failures = failures(events);
				write(file, reproducer.getValue());
				await(reproducer.getKey()).until(() -> failures(events) > failures);
				assertThat(events).as(reproducer.getKey())
					.noneMatch(FlagstaffEvent.StoreDown.class::isInstance)
					.filteredOn(FlagstaffEvent.ReloadFailed.class::isInstance)
					.allSatisfy((event) -> assertThat(((FlagstaffEvent.ReloadFailed) event).failure())
						.isInstanceOf(FeatureConfigException.class));
				assertThat(flagstaff.isEnabled("step-" + step)).as("the last good flags keep serving").isTrue();
				write(file, good(++step));
				int expected = step;
				await("the reload after " + reproducer.getKey()).until(() -> flagstaff.isEnabled("step-" + expected));
			}
		}
		finally {
			store.close();
		}
	}

	@Test
	void theWatcherKeepsPollingWhenASubscriberFailsWithAnyError() throws Exception {
		Path file = this.folder.resolve("features.yml");
		write(file, good(0));
		FileFeatureStore store = store(file);
		List<Throwable> failures = List.of(new StackOverflowError("deep"), new AssertionError("bug"),
				new LinkageError("class gone"), new IllegalStateException("state"));
		AtomicInteger changes = new AtomicInteger();
		try (Flagstaff flagstaff = Flagstaff.builder(store).build(); AutoCloseable failing = store.subscribe(() -> {
			Throwable failure = failures.get(changes.getAndIncrement() % failures.size());
			if (failure instanceof Error error) {
				throw error;
			}
			throw (RuntimeException) failure;
		})) {
			for (int step = 1; step <= failures.size() + 1; step++) {
				write(file, good(step));
				int expected = step;
				await("change " + step).until(() -> flagstaff.isEnabled("step-" + expected));
			}
			assertThat(changes.get()).isGreaterThanOrEqualTo(failures.size());
		}
		finally {
			store.close();
		}
	}

	private static FileFeatureStore store(Path file) {
		return FileFeatureStore.builder(file)
			.pollInterval(Duration.ofMillis(50))
			.debounce(Duration.ofMillis(10))
			.build();
	}

	private static String good(int step) {
		return "version: 1\nfeatures:\n  step-" + step + ": {}\n";
	}

	/**
	 * Writes a document as a person would save it (UTF-8; a lone surrogate becomes '?').
	 */
	private static void write(Path file, String text) throws Exception {
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	private static long failures(List<FlagstaffEvent> events) {
		return events.stream().filter(FlagstaffEvent.ReloadFailed.class::isInstance).count();
	}

	private static org.awaitility.core.ConditionFactory await(String what) {
		return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(20));
	}

}
