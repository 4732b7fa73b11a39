package io.flagstaff.spring.autoconfigure;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.Reason;
import io.flagstaff.health.AutoDisableListener;
import io.flagstaff.health.AutoDisabledEvent;
import io.flagstaff.health.HealthGuard;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.health.HealthGuardFeatureCallRecorder;
import io.flagstaff.store.WritableFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class FlagstaffHealthGuardAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffAopAutoConfiguration.class,
				FlagstaffHealthGuardAutoConfiguration.class));

	@Test
	void disablesAFlagWhoseGuardedCallsKeepFailing() {
		this.runner.withUserConfiguration(Fragile.class)
			.withPropertyValues("flagstaff.store.type=memory",
					"flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/fragile.yml")
			.run((context) -> {
				assertThat(context).hasSingleBean(HealthGuard.class)
					.hasSingleBean(HealthGuardFeatureCallRecorder.class);
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				FragileService service = context.getBean(FragileService.class);
				for (int i = 0; i < 3 && flagstaff.isEnabled("fragile"); i++) {
					assertThatIllegalStateException().isThrownBy(service::call);
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> !flagstaff.isEnabled("fragile"));
				WritableFeatureStore store = (WritableFeatureStore) flagstaff.store();
				assertThat(store.audit("fragile", 5))
					.anySatisfy((entry) -> assertThat(entry.actor()).isEqualTo(HealthGuard.ACTOR));
				Queue<AutoDisabledEvent> told = context.getBean(Fragile.class).disabled;
				await().atMost(Duration.ofSeconds(10)).until(() -> !told.isEmpty());
				assertThat(told).singleElement().satisfies((event) -> assertThat(event.feature()).isEqualTo("fragile"));
			});
	}

	@Test
	void killsAFlagOfTheDefaultClasspathStoreOnThisInstance() {
		this.runner.withUserConfiguration(Fragile.class)
			.withPropertyValues("flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/fragile.yml")
			.run((context) -> {
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				assertThat(flagstaff.store()).isInstanceOf(WritableFeatureStore.class);
				FragileService service = context.getBean(FragileService.class);
				for (int i = 0; i < 3 && flagstaff.isEnabled("fragile"); i++) {
					assertThatIllegalStateException().isThrownBy(service::call);
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> !flagstaff.isEnabled("fragile"));
				assertThat(flagstaff.evaluate("fragile", FeatureContext.ofUser("u-1")).reason())
					.isEqualTo(Reason.KILLED);
				WritableFeatureStore store = (WritableFeatureStore) flagstaff.store();
				assertThat(store.audit("fragile", 5)).first().satisfies((entry) -> {
					assertThat(entry.actor()).isEqualTo(HealthGuard.ACTOR);
					assertThat(entry.reason()).isNotBlank();
				});
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(context.getBean(Fragile.class).disabled).singleElement()
						.satisfies((event) -> {
							assertThat(event.feature()).isEqualTo("fragile");
							assertThat(event.kill().actor()).isEqualTo(HealthGuard.ACTOR);
						}));
			});
	}

	@Test
	void onlyLogsWhatItWouldDisableOverAReadOnlyStore(CapturedOutput output) {
		this.runner.withUserConfiguration(Fragile.class)
			.withPropertyValues("flagstaff.features-location=classpath:io/flagstaff/spring/autoconfigure/fragile.yml",
					"flagstaff.store.in-memory-changes=false")
			.run((context) -> {
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				assertThat(flagstaff.store()).isNotInstanceOf(WritableFeatureStore.class);
				FragileService service = context.getBean(FragileService.class);
				for (int i = 0; i < 3; i++) {
					assertThatIllegalStateException().isThrownBy(service::call);
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.getAll().contains("Health guard would disable feature 'fragile'"));
				assertThat(output.getAll()).contains("flagstaff.store.in-memory-changes=true");
				assertThat(flagstaff.isEnabled("fragile")).isTrue();
			});
	}

	@Test
	void feedsNoGuardWhenDisabledByProperty() {
		this.runner.withPropertyValues("flagstaff.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthGuard.class)
				.doesNotHaveBean(HealthGuardFeatureCallRecorder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Fragile {

		final Queue<AutoDisabledEvent> disabled = new ConcurrentLinkedQueue<>();

		@Bean
		AutoDisableListener recordingListener() {
			return this.disabled::add;
		}

		@Bean
		FragileService fragileService() {
			return new FragileService();
		}

	}

	public static class FragileService {

		@FeatureToggle("fragile")
		public String call() {
			throw new IllegalStateException("downstream failed");
		}

	}

}
