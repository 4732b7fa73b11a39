package io.flagstaff.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.flagstaff.Exposure;
import io.flagstaff.ExposureListener;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentResults;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.experiments.ExposureQueue;
import io.flagstaff.feedback.Feedback;
import io.flagstaff.feedback.FeedbackCollector;
import io.flagstaff.feedback.FeedbackStore;
import io.flagstaff.feedback.InMemoryFeedbackStore;
import io.flagstaff.feedback.jdbc.JdbcFeedbackStore;
import io.flagstaff.health.AutoDisableListener;
import io.flagstaff.health.AutoDisabledEvent;
import io.flagstaff.health.TrafficMonitor;
import io.flagstaff.health.TrafficSignal;
import io.flagstaff.hygiene.HygieneFinding;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.store.WritableFeatureStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class FlagstaffExperimentAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class,
				FlagstaffExperimentAutoConfiguration.class, FlagstaffFeedbackAutoConfiguration.class,
				FlagstaffHygieneAutoConfiguration.class, FlagstaffHealthGuardAutoConfiguration.class))
		.withPropertyValues("flagstaff.store.type=memory",
				"flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/experiments.yml");

	@Test
	void offersTheExperimentFeedbackAndHygieneBeansByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ExposureQueue.class)
				.hasSingleBean(ExperimentTracker.class)
				.hasSingleBean(FeedbackCollector.class)
				.hasSingleBean(InMemoryFeedbackStore.class)
				.hasSingleBean(HygieneInspector.class)
				.doesNotHaveBean(TrafficMonitor.class);
			FlagstaffProperties properties = context.getBean(FlagstaffProperties.class);
			assertThat(properties.getExperiments().getQueueCapacity()).isEqualTo(ExposureQueue.DEFAULT_CAPACITY);
			assertThat(properties.getExperiments().getMaxKeysPerFeature())
				.isEqualTo(ExperimentTracker.DEFAULT_MAX_KEYS_PER_FEATURE);
			assertThat(properties.getHygiene().getNotEvaluatedFor()).isEqualTo(HygieneInspector.DEFAULT_PERIOD);
			assertThat(properties.getHealth().getTraffic().getInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(context.getBean(InMemoryFeedbackStore.class).maxPerFeature())
				.isEqualTo(InMemoryFeedbackStore.DEFAULT_MAX_PER_FEATURE);
		});
	}

	@Test
	void boundsTheInMemoryFeedbackPerFlag() {
		this.runner.withPropertyValues("flagstaff.feedback.max-per-feature=50")
			.run((context) -> assertThat(context.getBean(InMemoryFeedbackStore.class).maxPerFeature()).isEqualTo(50));
	}

	@Test
	void attributesConversionsToTheVariantsOfTrackedFlags() {
		this.runner.withUserConfiguration(RecordingListener.class).run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			ExperimentTracker tracker = context.getBean(ExperimentTracker.class);
			FeatureContext alice = FeatureContext.builder().userId("alice").build();
			String variant = flagstaff.variant("checkout-experiment", alice);
			flagstaff.isEnabled("old-banner", alice);
			Queue<Exposure> received = context.getBean(RecordingListener.class).exposures;
			await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
			assertThat(received).singleElement().satisfies((exposure) -> {
				assertThat(exposure.key()).isEqualTo("checkout-experiment");
				assertThat(exposure.variant()).isEqualTo(variant);
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> tracker.track("purchase", alice) == 1);
			ExperimentResults results = tracker.results("checkout-experiment");
			assertThat(results.variant(variant).conversions()).containsEntry("purchase", 1L);
		});
	}

	@Test
	void bindsTheExperimentProperties() {
		this.runner
			.withPropertyValues("flagstaff.experiments.queue-capacity=3",
					"flagstaff.experiments.max-keys-per-feature=7")
			.run((context) -> {
				FlagstaffProperties.Experiments experiments = context.getBean(FlagstaffProperties.class)
					.getExperiments();
				assertThat(experiments.getQueueCapacity()).isEqualTo(3);
				assertThat(experiments.getMaxKeysPerFeature()).isEqualTo(7);
			});
	}

	@Test
	void passesTheQueueCapacityToTheQueue() {
		this.runner.withPropertyValues("flagstaff.experiments.queue-capacity=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("capacity of the exposure queue must be at least 1, but was 0"));
	}

	@Test
	void tracksNothingWhenDisabledByProperty() {
		this.runner.withPropertyValues("flagstaff.experiments.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ExposureQueue.class)
				.doesNotHaveBean(ExperimentTracker.class)
				.hasSingleBean(Flagstaff.class));
	}

	@Test
	void backsOffWhenTheApplicationDeclaresItsOwnBeans() {
		this.runner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(ExposureQueue.class)
				.hasSingleBean(ExperimentTracker.class)
				.hasSingleBean(FeedbackStore.class)
				.hasSingleBean(FeedbackCollector.class)
				.hasSingleBean(HygieneInspector.class);
			assertThat(context.getBean(ExposureQueue.class)).isSameAs(context.getBean(OwnBeans.class).queue);
			assertThat(context.getBean(FeedbackStore.class)).isSameAs(context.getBean(OwnBeans.class).store);
			assertThat(context.getBean(ExperimentTracker.class)).isSameAs(context.getBean("myTracker"));
			assertThat(context.getBean(HygieneInspector.class)).isSameAs(context.getBean("myInspector"));
		});
	}

	@Test
	void recordsFeedbackInTheConfiguredRange() {
		this.runner.withPropertyValues("flagstaff.feedback.min-rating=0", "flagstaff.feedback.max-rating=10")
			.run((context) -> {
				FeedbackCollector collector = context.getBean(FeedbackCollector.class);
				FeatureContext bob = FeatureContext.builder().userId("bob").build();
				collector.recordFeedback("checkout-experiment", bob, 9, "great");
				assertThat(collector.feedback("checkout-experiment", 10)).extracting(Feedback::rating)
					.containsExactly(9);
				assertThatIllegalArgumentException()
					.isThrownBy(() -> collector.recordFeedback("checkout-experiment", bob, 11, null))
					.withMessageContaining("between 0 and 10");
			});
	}

	@Test
	void offersNoFeedbackCollectorWhenDisabledByProperty() {
		this.runner.withPropertyValues("flagstaff.feedback.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FeedbackCollector.class)
				.doesNotHaveBean(FeedbackStore.class));
	}

	@Test
	void keepsFeedbackInTheDatabaseWithTheJdbcStore() {
		this.runner.withUserConfiguration(H2.class)
			.withPropertyValues("flagstaff.store.type=jdbc", "flagstaff.store.jdbc.table-prefix=shop_")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcFeedbackStore.class).doesNotHaveBean(InMemoryFeedbackStore.class);
				FeedbackCollector collector = context.getBean(FeedbackCollector.class);
				collector.recordFeedback("new-checkout", FeatureContext.builder().userId("carol").build(), 4, null);
				try (var connection = context.getBean(DataSource.class).getConnection();
						var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM shop_feedback")) {
					rows.next();
					assertThat(rows.getInt(1)).isEqualTo(1);
				}
			});
	}

	@Test
	void offersNoHygieneInspectorWhenDisabledByProperty() {
		this.runner.withPropertyValues("flagstaff.hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HygieneInspector.class));
	}

	@Test
	void inspectsTheServedFlagsWithTheConfiguredPeriods() {
		this.runner.withPropertyValues("flagstaff.hygiene.not-evaluated-for=30d").run((context) -> {
			HygieneInspector inspector = context.getBean(HygieneInspector.class);
			List<HygieneFinding> findings = inspector.inspect(context.getBean(Flagstaff.class), java.time.Instant.now())
				.findings();
			assertThat(findings).extracting(HygieneFinding::feature, HygieneFinding::kind)
				.contains(org.assertj.core.api.Assertions.tuple("old-banner", HygieneFinding.Kind.EXPIRED),
						org.assertj.core.api.Assertions.tuple("search-v2", HygieneFinding.Kind.NO_OWNER));
		});
	}

	@Test
	void monitorsTrafficWhenTheApplicationDeclaresASignal() {
		this.runner.withUserConfiguration(Traffic.class)
			.withPropertyValues("flagstaff.health.traffic.interval=5m", "flagstaff.health.traffic.baseline-samples=1")
			.run((context) -> {
				assertThat(context).hasSingleBean(TrafficMonitor.class);
				Traffic traffic = context.getBean(Traffic.class);
				assertThat(traffic.customized).hasValue(1);
				assertThat(traffic.scheduler.getQueue()).as("the round scheduled on the supplied scheduler").hasSize(1);
				TrafficMonitor monitor = context.getBean(TrafficMonitor.class);
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				monitor.check();
				((WritableFeatureStore) flagstaff.store()).enable("search-v2", "test");
				flagstaff.refresh();
				traffic.level.set(100);
				monitor.check();
				assertThat(monitor.baseline("search-v2")).hasValue(100);
				traffic.level.set(10);
				assertThat(monitor.check()).singleElement()
					.satisfies((event) -> assertThat(event.feature()).isEqualTo("search-v2"));
				assertThat(flagstaff.isEnabled("search-v2")).isFalse();
				assertThat(traffic.disabled).singleElement()
					.satisfies((event) -> assertThat(event.feature()).isEqualTo("search-v2"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListener implements ExposureListener {

		final Queue<Exposure> exposures = new ConcurrentLinkedQueue<>();

		@Override
		public void onExposure(Exposure exposure) {
			this.exposures.add(exposure);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		final ExposureQueue queue = new ExposureQueue(5);

		final FeedbackStore store = new InMemoryFeedbackStore();

		@Bean(destroyMethod = "close")
		ExposureQueue myQueue() {
			return this.queue;
		}

		@Bean
		ExperimentTracker myTracker(Flagstaff flagstaff) {
			return new ExperimentTracker(flagstaff, 10);
		}

		@Bean
		FeedbackStore myFeedbackStore() {
			return this.store;
		}

		@Bean
		HygieneInspector myInspector() {
			return HygieneInspector.builder().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class H2 {

		@Bean
		JdbcDataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Traffic {

		final AtomicInteger level = new AtomicInteger(100);

		final AtomicInteger customized = new AtomicInteger();

		final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

		final Queue<AutoDisabledEvent> disabled = new ConcurrentLinkedQueue<>();

		@Bean
		TrafficSignal trafficSignal() {
			return TrafficSignal.overall(this.level::get);
		}

		@Bean
		TrafficMonitorCustomizer schedulerCustomizer() {
			return (builder) -> {
				this.customized.incrementAndGet();
				builder.scheduler(this.scheduler);
			};
		}

		@Bean
		AutoDisableListener recordingDisableListener() {
			return this.disabled::add;
		}

		@Bean(destroyMethod = "shutdownNow")
		ScheduledExecutorService trafficScheduler() {
			return this.scheduler;
		}

	}

}
