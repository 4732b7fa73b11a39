package io.flagstaff.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.FeatureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class FileFeatureStoreTests {

	private static final String ON = """
			version: 1
			features:
			  new-checkout:
			    enabled: true
			""";

	private static final String OFF = """
			version: 1
			features:
			  new-checkout:
			    enabled: false
			""";

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void handEditsReachTheEvaluatorWithAndWithoutWatchEvents(boolean watch) throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, ON);
		FileFeatureStore store = FileFeatureStore.builder(file)
			.watch(watch)
			.pollInterval(Duration.ofMillis(200))
			.debounce(Duration.ofMillis(20))
			.build();
		try (Flagstaff flagstaff = Flagstaff.builder(store).build()) {
			assertThat(flagstaff.isEnabled("new-checkout")).isTrue();
			Files.writeString(file, OFF);
			await().atMost(Duration.ofSeconds(10)).until(() -> !flagstaff.isEnabled("new-checkout"));
		}
		finally {
			store.close();
		}
	}

	@Test
	void aBurstOfEditsIsDebouncedIntoFewReloads() throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, ON);
		FileFeatureStore store = FileFeatureStore.builder(file)
			.pollInterval(Duration.ofHours(1))
			.debounce(Duration.ofMillis(300))
			.build();
		AtomicInteger changes = new AtomicInteger();
		try (AutoCloseable subscription = store.subscribe(changes::incrementAndGet)) {
			for (int i = 0; i < 20; i++) {
				Files.writeString(file, (i % 2 == 0) ? OFF : ON + "\n# edit " + i + "\n");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > 0);
			assertThat(changes.get()).isLessThan(20);
			assertThat(store.load().features().features().get("new-checkout").enabled()).isTrue();
		}
		finally {
			store.close();
		}
	}

	@Test
	void aMalformedEditIsReportedAndTheLastGoodSnapshotKeepsServing() throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, ON);
		FileFeatureStore store = FileFeatureStore.builder(file).pollInterval(Duration.ofMillis(200)).build();
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			Files.writeString(file, "version: 1\nfeatures:\n  new-checkout:\n    rollout: 150\n");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.stream().anyMatch(FlagstaffEvent.ReloadFailed.class::isInstance));
			FlagstaffEvent.ReloadFailed failed = events.stream()
				.filter(FlagstaffEvent.ReloadFailed.class::isInstance)
				.map(FlagstaffEvent.ReloadFailed.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(failed.failure()).isInstanceOf(FeatureConfigException.class)
				.hasMessageContaining("rollout")
				.hasMessageContaining(file.toString());
			assertThat(flagstaff.isEnabled("new-checkout")).isTrue();
		}
		finally {
			store.close();
		}
	}

	@Test
	void writesReplaceTheFileAtomicallySoReadersNeverSeeHalfADocument() throws Exception {
		Path file = this.folder.resolve("features.json");
		FileFeatureStore store = FileFeatureStore.of(file);
		StringBuilder padding = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			padding.append("long description ");
		}
		store.create(FeatureDefinition.builder("a").description(padding.toString()).build(), "setup");
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				try {
					FeatureDocuments.parse(Files.readString(file), file.toString());
					reads.incrementAndGet();
				}
				catch (Exception ex) {
					throw new AssertionError("read a broken document", ex);
				}
			}
		});
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		reader.setUncaughtExceptionHandler((thread, ex) -> failures.add(ex));
		reader.start();
		for (int i = 0; i < 200; i++) {
			store.setRollout("a", (double) (i % 100), "writer");
		}
		writing.set(false);
		reader.join();
		assertThat(failures).isEmpty();
		assertThat(reads.get()).isPositive();
		try (var files = Files.list(this.folder)) {
			assertThat(files.map((path) -> path.getFileName().toString())).containsExactly("features.json");
		}
	}

	@Test
	void aWriteKeepsEditsMadeByHandSinceTheLastLoad() throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, ON);
		FileFeatureStore store = FileFeatureStore.of(file);
		assertThat(store.feature("new-checkout").version()).isEqualTo(1);
		Files.writeString(file, ON + "  legacy:\n    enabled: false\n");
		store.create(FeatureDefinition.builder("extra").build(), "alice");
		assertThat(FeatureDocuments.parse(Files.readString(file), "file").features()).containsOnlyKeys("new-checkout",
				"legacy", "extra");
	}

	@Test
	void aFileWithAnUnknownExtensionIsRejectedWithTheFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> FileFeatureStore.of(this.folder.resolve("features.txt")))
			.withMessageContaining(".json, .yml or .yaml");
	}

	@Test
	void anUnreadableFileIsAStoreFailureNamingThePath() throws Exception {
		Path directory = Files.createDirectory(this.folder.resolve("features.json"));
		assertThatExceptionOfType(FeatureStoreException.class).isThrownBy(() -> FileFeatureStore.of(directory).load())
			.withMessageContaining(directory.toString());
	}

	@Test
	void aHandEditThatBreaksTheSetFailsTheLoadButAWriteCanRepairIt() throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, """
				version: 1
				features:
				  new-checkout:
				    requires: [ { feature: new-ui } ]
				""");
		FileFeatureStore store = FileFeatureStore.of(file);
		try {
			assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(store::load)
				.withMessageContaining("features.new-checkout.requires[0].feature");
			store.create(FeatureDefinition.builder("new-ui").build(), "alice");
			assertThat(store.load().features().features()).containsOnlyKeys("new-checkout", "new-ui");
			assertThat(store.audit(10)).hasSize(1);
		}
		finally {
			store.close();
		}
	}

	@Test
	void aHandEditThatBreaksTheSetFirstReadByAWriteStillFailsTheNextLoadUntilRepaired() throws Exception {
		Path file = this.folder.resolve("features.yml");
		Files.writeString(file, ON);
		FileFeatureStore store = FileFeatureStore.of(file);
		try {
			assertThat(store.load().features().features()).containsOnlyKeys("new-checkout");
			Files.writeString(file, ON + "  broken:\n    requires: [ { feature: ghost } ]\n");
			store.create(FeatureDefinition.builder("extra").build(), "alice");
			assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(store::load)
				.withMessageContaining("features.broken.requires[0].feature")
				.withMessageContaining(file.toString());
			assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(store::load);
			assertThat(store.delete("broken", "alice")).isTrue();
			assertThat(store.load().features().features()).containsOnlyKeys("new-checkout", "extra");
		}
		finally {
			store.close();
		}
	}

}
