package io.flagstaff.spring.diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;

import io.flagstaff.spring.autoconfigure.FlagstaffAopAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffDiagnosticsAutoConfiguration;
import io.flagstaff.store.jdbc.JdbcFeatureStore;
import io.flagstaff.store.redis.RedisFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each startup failure of Flagstaff, as Spring Boot's failure analysis shows it: what is
 * wrong, naming the property, location or bean, and what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlagstaffFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class,
				FlagstaffDiagnosticsAutoConfiguration.class, FlagstaffAopAutoConfiguration.class));

	private FailureAnalysis analysisOf(ApplicationContextRunner runner) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		runner.run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new FlagstaffFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("an analysis").isNotNull();
		return analysis[0];
	}

	@Test
	void anUnknownStoreTypeNamesTheAllowedValuesInsteadOfAMissingBean() {
		FailureAnalysis analysis = analysisOf(this.runner.withPropertyValues("flagstaff.store.type=postgres"));
		assertThat(analysis.getDescription()).contains("flagstaff.store.type=postgres")
			.doesNotContain("Consider defining a bean");
		assertThat(analysis.getAction()).startsWith("Set flagstaff.store.type to one of: file, memory, jdbc, redis");
	}

	@Test
	void aStoreTypeWhoseModuleIsMissingNamesTheArtifactToAdd() {
		FailureAnalysis jdbc = analysisOf(this.runner.withClassLoader(new FilteredClassLoader(JdbcFeatureStore.class))
			.withPropertyValues("flagstaff.store.type=jdbc"));
		assertThat(jdbc.getDescription())
			.isEqualTo("flagstaff.store.type=jdbc needs io.flagstaff:flagstaff-store-jdbc, which is not on the class "
					+ "path");
		assertThat(jdbc.getAction()).startsWith("Add the dependency io.flagstaff:flagstaff-store-jdbc");
		FailureAnalysis redis = analysisOf(this.runner.withClassLoader(new FilteredClassLoader(RedisFeatureStore.class))
			.withPropertyValues("flagstaff.store.type=REDIS"));
		assertThat(redis.getDescription()).contains("io.flagstaff:flagstaff-store-redis");
	}

	@Test
	void aMissingFeaturesLocationNamesThePropertyAndTheLocation() {
		FailureAnalysis analysis = analysisOf(
				this.runner.withPropertyValues("flagstaff.features-location=classpath:nowhere/features.yml"));
		assertThat(analysis.getDescription())
			.isEqualTo("flagstaff.features-location=classpath:nowhere/features.yml names no flag document");
		assertThat(analysis.getAction()).contains("point flagstaff.features-location at it");
	}

	@Test
	void anInvalidFlagDocumentListsEachProblemWithItsPlace(@TempDir Path folder) throws Exception {
		Path broken = folder.resolve("features.yml");
		Files.writeString(broken, "version: 1\nfeatures:\n  checkout:\n    rollout: 150\n  search: [\n");
		FailureAnalysis syntax = analysisOf(this.runner.withPropertyValues("flagstaff.features-location=" + broken));
		assertThat(syntax.getDescription()).startsWith("Flagstaff cannot use the flags of " + broken)
			.contains("line ")
			.contains(", column ");
		Files.writeString(broken, "version: 1\nfeatures:\n  checkout:\n    rollout: 150\n");
		FailureAnalysis semantic = analysisOf(this.runner.withPropertyValues("flagstaff.features-location=" + broken));
		assertThat(semantic.getDescription())
			.contains("\n  - features.checkout.rollout: must be between 0 and 100, was 150");
		assertThat(semantic.getAction()).contains("Fix each problem").contains(broken.toString());
	}

	@Test
	void anInvalidEnumPropertyNamesTheAllowedValues() {
		FailureAnalysis analysis = analysisOf(this.runner.withPropertyValues("flagstaff.store.type=memory",
				"flagstaff.store.bootstrap-mode=sometimes"));
		assertThat(analysis.getDescription()).contains("flagstaff.store.bootstrap-mode=sometimes");
		assertThat(analysis.getAction())
			.isEqualTo("Set flagstaff.store.bootstrap-mode to one of: missing, if-empty, none.");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(new FlagstaffFailureAnalyzer().analyze(new IllegalStateException("not ours"))).isNull();
	}

	@Test
	void aSpringApplicationPrintsTheAnalysisInsteadOfAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Minimal.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> application.run("--flagstaff.store.type=postgres", "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("flagstaff.store.type=postgres")
			.contains("Set flagstaff.store.type to one of: file, memory, jdbc, redis")
			.doesNotContain("Consider defining a bean of type");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ FlagstaffAutoConfiguration.class, FlagstaffDiagnosticsAutoConfiguration.class })
	static class Minimal {

	}

}
