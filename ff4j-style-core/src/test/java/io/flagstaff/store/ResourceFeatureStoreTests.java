package io.flagstaff.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.LegacyOptions;
import io.flagstaff.model.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResourceFeatureStoreTests {

	private static final String FLAG_ON = "version: 1\nfeatures:\n  checkout: { rollout: 100 }\n";

	@TempDir
	Path directory;

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.directory.resolve(name), text, StandardCharsets.UTF_8);
	}

	@Test
	void loadsAFile() throws IOException {
		Path file = write("features.yml", FLAG_ON);
		StoreContent content = ResourceFeatureStore.of(file.toString()).load();
		assertThat(content.features().features()).containsOnlyKeys("checkout");
		assertThat(ResourceFeatureStore.ofFile(file).load()).isEqualTo(content);
	}

	@Test
	void loadsAClasspathResource() throws IOException {
		String text;
		try (var stream = getClass().getResourceAsStream("/io/flagstaff/config/full-example.yml")) {
			text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		FeatureSet expected = FeatureDocuments.parse(text, "full-example.yml");
		for (ResourceFeatureStore store : List
			.of(ResourceFeatureStore.of("classpath:io/flagstaff/config/full-example.yml"), ResourceFeatureStore
				.ofClasspath("/io/flagstaff/config/full-example.yml", getClass().getClassLoader()))) {
			assertThat(store.load().features()).isEqualTo(expected);
			assertThat(store.load().features().features()).containsKeys("new-checkout", "payments-v2");
		}
	}

	@Test
	void loadsALegacyFileWithItsOptions() {
		StoreContent content = ResourceFeatureStore
			.of("classpath:io/flagstaff/config/legacy/example-features-config.json", LegacyOptions.DEFAULTS)
			.load();
		assertThat(content.features().features()).containsOnlyKeys("new_ui", "advanced_search");
	}

	@Test
	void theRevisionIsAHashOfTheContent() throws IOException {
		long first = ResourceFeatureStore.of(write("a.yml", FLAG_ON).toString()).load().revision();
		long same = ResourceFeatureStore.of(write("b.yml", FLAG_ON).toString()).load().revision();
		long other = ResourceFeatureStore.of(write("c.yml", FLAG_ON.replace("100", "50")).toString()).load().revision();
		assertThat(first).isEqualTo(same).isNotEqualTo(other).isNotNegative();
	}

	@Test
	void readsTheDocumentOnlyOnce() throws IOException {
		Path file = write("features.yml", FLAG_ON);
		ResourceFeatureStore store = ResourceFeatureStore.of(file.toString());
		StoreContent first = store.load();
		Files.writeString(file, "version: 1\nfeatures: {}\n");
		assertThat(store.load()).isSameAs(first);
	}

	@Test
	void reportsAMissingFileWithTheFix() {
		assertThatExceptionOfType(FeatureStoreException.class)
			.isThrownBy(() -> ResourceFeatureStore.of(this.directory.resolve("missing.yml").toString()).load())
			.withMessageContaining("missing.yml")
			.withMessageContaining("classpath:");
	}

	@Test
	void reportsAMissingClasspathResourceWithTheFix() {
		assertThatExceptionOfType(FeatureStoreException.class)
			.isThrownBy(() -> ResourceFeatureStore.of("classpath:nope/features.yml").load())
			.withMessageContaining("nope/features.yml")
			.withMessageContaining("src/main/resources");
	}

	@Test
	void reportsEveryProblemOfAnInvalidFileAndNamesIt() throws IOException {
		Path file = write("bad.yml", "version: 1\nfeatures:\n  a: { rollout: 150, rolout: 1 }\n");
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> ResourceFeatureStore.of(file.toString()).load())
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo(file.toString());
				assertThat(ex.getProblems()).map(ConfigProblem::toString)
					.containsExactly("features.a.rolout: unknown field 'rolout', did you mean 'rollout'?",
							"features.a.rollout: must be between 0 and 100, was 150");
			});
	}

	@Test
	void servesItsFlagsThroughFlagstaff() throws IOException {
		try (Flagstaff flagstaff = Flagstaff.builder(ResourceFeatureStore.of(write("f.yml", FLAG_ON).toString()))
			.build()) {
			assertThat(flagstaff.isEnabled("checkout", FeatureContext.ofUser("u1"))).isTrue();
		}
	}

	@Test
	void aDocumentWithErrorsNeverReplacesAGoodSnapshot() {
		AtomicReference<String> text = new AtomicReference<>(FLAG_ON);
		FeatureStore store = () -> new StoreContent(FeatureDocuments.parse(text.get(), "editable.yml"),
				text.get().hashCode());
		List<FlagstaffEvent> events = new CopyOnWriteArrayList<>();
		try (Flagstaff flagstaff = Flagstaff.builder(store).listener(events::add).build()) {
			long version = flagstaff.snapshot().version();
			text.set("version: 1\nfeatures:\n  checkout: { rollout: 150 }\n  search: {}\n");
			assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(flagstaff::refresh)
				.satisfies((ex) -> assertThat(ex.getProblems()).map(ConfigProblem::toString)
					.containsExactly("features.checkout.rollout: must be between 0 and 100, was 150"));
			assertThat(flagstaff.snapshot().version()).isEqualTo(version);
			assertThat(flagstaff.isEnabled("checkout", FeatureContext.ofUser("u1"))).isTrue();
			assertThat(flagstaff.snapshot().featureKeys()).containsExactly("checkout");
			assertThat(events).anySatisfy((event) -> assertThat(event).isInstanceOf(FlagstaffEvent.ReloadFailed.class));
			text.set("version: 1\nfeatures:\n  checkout: { enabled: false }\n");
			flagstaff.refresh();
			assertThat(flagstaff.isEnabled("checkout", FeatureContext.ofUser("u1"))).isFalse();
		}
	}

}
