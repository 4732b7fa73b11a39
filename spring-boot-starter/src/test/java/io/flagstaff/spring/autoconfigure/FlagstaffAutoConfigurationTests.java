package io.flagstaff.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureDisabledException;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.spring.FeatureContextResolver;
import io.flagstaff.spring.FeatureScopeTaskDecorator;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.aop.FeatureToggleAdvisor;
import io.flagstaff.spring.web.DefaultFeatureContextResolver;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FileFeatureStore;
import io.flagstaff.store.InMemoryFeatureStore;
import io.flagstaff.store.ResourceFeatureStore;
import io.flagstaff.store.WritableFeatureStore;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class FlagstaffAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffAopAutoConfiguration.class));

	@Test
	void providesAFlagstaffOverTheClasspathDocumentByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Flagstaff.class)
				.hasSingleBean(FeatureCalls.class)
				.hasSingleBean(FeatureToggleAdvisor.class)
				.hasSingleBean(FeatureScopeTaskDecorator.class)
				.hasSingleBean(DefaultFeatureContextResolver.class);
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			assertThat(flagstaff.isEnabled("new-checkout")).isTrue();
			assertThat(flagstaff.isEnabled("advanced-search")).isFalse();
		});
	}

	@Test
	void keepsRuntimeChangesToAClasspathDocumentInMemoryAndSaysSoOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context.getBean(FeatureStore.class)).isInstanceOf(InMemoryFeatureStore.class);
			WritableFeatureStore store = context.getBean(WritableFeatureStore.class);
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			store.enable("advanced-search", "alice");
			flagstaff.refresh();
			assertThat(flagstaff.isEnabled("advanced-search")).isTrue();
			assertThat(store.audit("advanced-search", 1)).singleElement()
				.satisfies((entry) -> assertThat(entry.actor()).isEqualTo("alice"));
		});
		String notice = "Flagstaff reads its flags from classpath:features.yml, which is read-only: runtime changes";
		assertThat(output.getAll()).containsOnlyOnce(notice)
			.contains("kept in memory on this instance and lost at restart")
			.contains("set flagstaff.features-location to a file: path")
			.contains("flagstaff.store.type=jdbc or redis");
	}

	@Test
	void keepsAClasspathDocumentReadOnlyWhenInMemoryChangesAreOff(CapturedOutput output) {
		this.runner.withPropertyValues("flagstaff.store.in-memory-changes=false").run((context) -> {
			assertThat(context.getBean(FeatureStore.class)).isInstanceOf(ResourceFeatureStore.class)
				.isNotInstanceOf(WritableFeatureStore.class);
			assertThat(context.getBean(Flagstaff.class).isEnabled("new-checkout")).isTrue();
		});
		assertThat(output.getAll()).doesNotContain("which is read-only");
	}

	@Test
	void ordersTheGuardAdvisorByTheAspectOrderProperty() {
		this.runner.run((context) -> assertThat(context.getBean(FeatureToggleAdvisor.class).getOrder())
			.isEqualTo(Ordered.LOWEST_PRECEDENCE - 100));
		this.runner.withPropertyValues("flagstaff.aspect-order=-7")
			.run((context) -> assertThat(context.getBean(FeatureToggleAdvisor.class).getOrder()).isEqualTo(-7));
	}

	@Test
	void runsTheGuardOutsideAdvisorsOrderedAfterTheAspectOrder() {
		this.runner.withUserConfiguration(GuardedBeanConfiguration.class, RecordingAdvisorConfiguration.class)
			.withPropertyValues("flagstaff.aspect-order=-10")
			.run((context) -> {
				assertThatExceptionOfType(FeatureDisabledException.class)
					.isThrownBy(context.getBean(Guarded.class)::advancedSearch);
				assertThat(context.getBean(RecordingAdvisorConfiguration.class).calls).isEmpty();
			});
		this.runner.withUserConfiguration(GuardedBeanConfiguration.class, RecordingAdvisorConfiguration.class)
			.withPropertyValues("flagstaff.aspect-order=10")
			.run((context) -> {
				assertThatExceptionOfType(FeatureDisabledException.class)
					.isThrownBy(context.getBean(Guarded.class)::advancedSearch);
				assertThat(context.getBean(RecordingAdvisorConfiguration.class).calls)
					.containsExactly("advancedSearch");
			});
	}

	@Test
	void evaluatesInTheFirstActiveProfileByDefault() {
		this.runner.withPropertyValues("spring.profiles.active=staging")
			.run((context) -> assertThat(context.getBean(Flagstaff.class).isEnabled("staging-only")).isTrue());
		this.runner.run((context) -> assertThat(context.getBean(Flagstaff.class).isEnabled("staging-only")).isFalse());
	}

	@Test
	void evaluatesInTheConfiguredEnvironmentOverTheProfile() {
		this.runner.withPropertyValues("spring.profiles.active=staging", "flagstaff.environment=production")
			.run((context) -> assertThat(context.getBean(Flagstaff.class).isEnabled("staging-only")).isFalse());
	}

	@Test
	void backsOffWhenTheApplicationDeclaresItsOwnBeans() {
		this.runner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean(FeatureStore.class)).isSameAs(context.getBean(OwnBeans.class).store);
			assertThat(context.getBean(FeatureContextResolver.class))
				.isNotInstanceOf(DefaultFeatureContextResolver.class);
			assertThat(context.getBean(Flagstaff.class).isEnabled("own-flag")).isTrue();
		});
	}

	@Test
	void backsOffEntirelyWhenDisabledByProperty() {
		this.runner.withPropertyValues("flagstaff.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Flagstaff.class)
				.doesNotHaveBean(FeatureToggleAdvisor.class));
	}

	@Test
	void bindsEveryProperty() {
		this.runner.withPropertyValues("flagstaff.features-location=classpath:features.yml",
				"flagstaff.store.type=memory", "flagstaff.store.poll-interval=5s", "flagstaff.environment=staging",
				"flagstaff.strict=true", "flagstaff.aspect-order=42", "flagstaff.context.headers.X-Region=region",
				"flagstaff.context.principal.name=userId", "flagstaff.context.request-attributes.tenant=tenant",
				"flagstaff.metrics.enabled=false", "flagstaff.actuator.writes-enabled=true",
				"flagstaff.actuator.audit-limit=5", "flagstaff.web.disabled-status=503", "flagstaff.web.filter-order=7")
			.run((context) -> {
				FlagstaffProperties properties = context.getBean(FlagstaffProperties.class);
				assertThat(properties.getStore().getType()).isEqualTo(FlagstaffProperties.StoreType.MEMORY);
				assertThat(properties.getStore().getPollInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getEnvironment()).isEqualTo("staging");
				assertThat(properties.isStrict()).isTrue();
				assertThat(properties.getContext().getHeaders()).containsEntry("X-Region", "region");
				assertThat(properties.getContext().getRequestAttributes()).containsEntry("tenant", "tenant");
				assertThat(properties.getMetrics().isEnabled()).isFalse();
				assertThat(properties.getActuator().isWritesEnabled()).isTrue();
				assertThat(properties.getActuator().getAuditLimit()).isEqualTo(5);
				assertThat(properties.getWeb().getDisabledStatus()).isEqualTo(503);
				assertThat(properties.getWeb().getFilterOrder()).isEqualTo(7);
				assertThat(context.getBean(FeatureToggleAdvisor.class).getOrder()).isEqualTo(42);
				assertThat(context.getBean(FeatureStore.class)).isInstanceOf(InMemoryFeatureStore.class);
				assertThat(context.getBean(Flagstaff.class).isEnabled("staging-only")).isTrue();
			});
	}

	@Test
	void countsEvaluationsUnlessUsageStatisticsAreTurnedOff() {
		this.runner.run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			flagstaff.isEnabled("staging-only");
			assertThat(flagstaff.usage().feature("staging-only")).isNotNull()
				.satisfies((usage) -> assertThat(usage.total()).isEqualTo(1));
		});
		this.runner.withPropertyValues("flagstaff.usage-statistics=false").run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			flagstaff.isEnabled("staging-only");
			assertThat(flagstaff.usage().features()).isEmpty();
		});
	}

	@Test
	void rejectsADisabledStatusOtherThan404Or503() {
		this.runner.withPropertyValues("flagstaff.web.disabled-status=500")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("flagstaff.web.disabled-status must be 404 or 503, was 500"));
	}

	@Test
	void failsWithTheLocationWhenTheDocumentIsMissing() {
		this.runner.withPropertyValues("flagstaff.features-location=classpath:nowhere.yml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("flagstaff.features-location=classpath:nowhere.yml names no flag document"));
	}

	@Test
	void hotReloadsAFileLocation(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("features.yml");
		Files.writeString(file, "version: 1\nfeatures:\n  live:\n    enabled: false\n", StandardCharsets.UTF_8);
		this.runner
			.withPropertyValues("flagstaff.features-location=file:" + file, "flagstaff.store.poll-interval=100ms")
			.run((context) -> {
				assertThat(context.getBean(FeatureStore.class)).isInstanceOf(FileFeatureStore.class);
				Flagstaff flagstaff = context.getBean(Flagstaff.class);
				assertThat(flagstaff.isEnabled("live")).isFalse();
				Files.writeString(file, "version: 1\nfeatures:\n  live:\n    enabled: true\n", StandardCharsets.UTF_8);
				await().atMost(Duration.ofSeconds(20)).until(() -> flagstaff.isEnabled("live"));
			});
	}

	@Test
	void guardsAnnotatedBeansWithoutAspectJ() {
		this.runner.withClassLoader(new FilteredClassLoader("org.aspectj"))
			.withUserConfiguration(GuardedBeanConfiguration.class)
			.run((context) -> {
				Guarded guarded = context.getBean(Guarded.class);
				assertThat(AopUtils.isAopProxy(guarded)).isTrue();
				assertThat(guarded.newCheckout()).isEqualTo("new");
				assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(guarded::advancedSearch);
			});
	}

	@Test
	void guardsAnnotatedBeansWithAspectJAutoProxying() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(org.springframework.boot.autoconfigure.aop.AopAutoConfiguration.class))
			.withUserConfiguration(GuardedBeanConfiguration.class)
			.run((context) -> {
				Guarded guarded = context.getBean(Guarded.class);
				assertThat(AopUtils.isCglibProxy(guarded)).isTrue();
				assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(guarded::advancedSearch);
			});
	}

	@Test
	void carriesThePinnedScopeToDecoratedTasks() {
		this.runner.run((context) -> {
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			FeatureScopeTaskDecorator decorator = context.getBean(FeatureScopeTaskDecorator.class);
			io.flagstaff.spring.FeatureScope scope = io.flagstaff.spring.FeatureScope.pin(flagstaff,
					FeatureContext.ofUser("u-7"));
			io.flagstaff.spring.FeatureScope[] seen = new io.flagstaff.spring.FeatureScope[1];
			Runnable task;
			io.flagstaff.spring.FeatureScope.Opened opened = scope.open();
			try {
				task = decorator.decorate(() -> seen[0] = io.flagstaff.spring.FeatureScope.current());
			}
			finally {
				opened.close();
			}
			Thread thread = new Thread(task);
			thread.start();
			thread.join();
			assertThat(seen[0]).isSameAs(scope);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		final InMemoryFeatureStore store = new InMemoryFeatureStore(
				FeatureSet.of(FeatureDefinition.builder("own-flag").build()));

		@Bean
		FeatureStore featureStore() {
			return this.store;
		}

		@Bean
		FeatureContextResolver featureContextResolver() {
			return (request) -> FeatureContext.ofUser("fixed");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingAdvisorConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		DefaultPointcutAdvisor recordingAdvisor() {
			MethodInterceptor recording = (invocation) -> {
				this.calls.add(invocation.getMethod().getName());
				return invocation.proceed();
			};
			DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
					new AnnotationMatchingPointcut(null, FeatureToggle.class, true), recording);
			advisor.setOrder(0);
			return advisor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GuardedBeanConfiguration {

		@Bean
		Guarded guarded() {
			return new Guarded();
		}

	}

	public static class Guarded {

		@FeatureToggle("new-checkout")
		public String newCheckout() {
			return "new";
		}

		@FeatureToggle("advanced-search")
		public String advancedSearch() {
			return "advanced";
		}

	}

}
