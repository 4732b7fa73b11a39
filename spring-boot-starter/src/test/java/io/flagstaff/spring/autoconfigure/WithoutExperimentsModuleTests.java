package io.flagstaff.spring.autoconfigure;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.flagstaff.Exposure;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.experiments.ExposureQueue;
import io.flagstaff.feedback.FeedbackCollector;
import io.flagstaff.feedback.FeedbackStore;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.spring.metrics.MicrometerFeatureCallRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter without {@code flagstaff-experiments} on the classpath (it is an optional
 * dependency): every auto-configuration loads, the experiment and feedback ones back off,
 * and flags marked {@code track: true} still evaluate.
 */
class WithoutExperimentsModuleTests {

	private static final FilteredClassLoader WITHOUT_EXPERIMENTS = new FilteredClassLoader("io.flagstaff.experiments.",
			"io.flagstaff.feedback.");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffAopAutoConfiguration.class,
				FlagstaffMetricsAutoConfiguration.class, FlagstaffExperimentAutoConfiguration.class,
				FlagstaffFeedbackAutoConfiguration.class, FlagstaffHygieneAutoConfiguration.class,
				FlagstaffHealthGuardAutoConfiguration.class, FlagstaffEndpointAutoConfiguration.class))
		.withUserConfiguration(Registry.class)
		.withPropertyValues("flagstaff.store.type=memory",
				"flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/experiments.yml");

	@Test
	void theExperimentAndFeedbackBeansBackOffAndTheRestStarts() {
		this.runner.withClassLoader(WITHOUT_EXPERIMENTS).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Flagstaff.class)
				.hasSingleBean(MicrometerFeatureCallRecorder.class)
				.hasSingleBean(HygieneInspector.class)
				.doesNotHaveBean(ExposureQueue.class)
				.doesNotHaveBean(ExperimentTracker.class)
				.doesNotHaveBean(ExposureListenerRegistrar.class)
				.doesNotHaveBean(FlagstaffBuilderCustomizer.class)
				.doesNotHaveBean(FeedbackStore.class)
				.doesNotHaveBean(FeedbackCollector.class)
				.doesNotHaveBean("flagstaffExposureQueueMetrics");
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			assertThat(flagstaff.variant("checkout-experiment", FeatureContext.ofUser("alice"))).isIn("control",
					"one-page");
		});
	}

	@Test
	void theSameConfigurationOffersThemWhenTheModuleIsPresent() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ExposureQueue.class)
			.hasSingleBean(ExperimentTracker.class)
			.hasSingleBean(FeedbackCollector.class)
			.hasBean("flagstaffExposureQueueMetrics"));
	}

	@Test
	void aBuilderCustomizerHandsExposuresToTheCoreHookDirectly() {
		this.runner.withClassLoader(WITHOUT_EXPERIMENTS).withUserConfiguration(DirectExposures.class).run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			flagstaff.isEnabled("checkout-experiment", FeatureContext.ofUser("bob"));
			flagstaff.isEnabled("old-banner", FeatureContext.ofUser("bob"));
			assertThat(context.getBean(DirectExposures.class).exposures).singleElement()
				.satisfies((exposure) -> assertThat(exposure.key()).isEqualTo("checkout-experiment"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DirectExposures {

		final Queue<Exposure> exposures = new ConcurrentLinkedQueue<>();

		@Bean
		FlagstaffBuilderCustomizer recordExposures() {
			return (builder) -> builder.exposureListener(this.exposures::add);
		}

	}

}
