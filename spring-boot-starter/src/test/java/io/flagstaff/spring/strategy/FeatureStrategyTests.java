package io.flagstaff.spring.strategy;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureStrategyException;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.Variant;
import io.flagstaff.spring.autoconfigure.FlagstaffAopAutoConfiguration;
import io.flagstaff.spring.autoconfigure.FlagstaffAutoConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureStrategyTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagstaffAutoConfiguration.class, FlagstaffAopAutoConfiguration.class));

	@Test
	void injectsOneRouterByConstructorFieldAndSetterThatFollowsTheFlagOnEveryCall() {
		this.runner.withUserConfiguration(SearchBeans.class, SearchClients.class).run((context) -> {
			SearchClients clients = context.getBean(SearchClients.class);
			assertThat(clients.byConstructor.search("q")).isEqualTo("basic:q");
			assertThat(clients.byField.search("q")).isEqualTo("basic:q");
			assertThat(clients.bySetter.search("q")).isEqualTo("basic:q");
			context.getBean(Flagstaff.class).overrides().force("advanced-search", true);
			assertThat(clients.byConstructor.search("q")).isEqualTo("advanced:q");
			assertThat(clients.byField.search("q")).isEqualTo("advanced:q");
			assertThat(clients.bySetter.search("q")).isEqualTo("advanced:q");
		});
	}

	@Test
	void letsOtherAdviceWrapTheRouterWithClassBasedProxies() {
		this.runner.withUserConfiguration(SearchBeans.class, SearchClients.class, CountingAdvice.class)
			.run((context) -> {
				Search search = context.getBean(SearchClients.class).byConstructor;
				assertThat(AopUtils.isCglibProxy(search)).isTrue();
				assertThat(search.search("q")).isEqualTo("basic:q");
				context.getBean(Flagstaff.class).overrides().force("advanced-search", true);
				assertThat(search.search("q")).isEqualTo("advanced:q");
				assertThat(context.getBean(CountingAdvice.class).calls).hasValue(2);
			});
	}

	@Test
	void keepsEachImplementationInjectableByItsOwnClass() {
		this.runner.withUserConfiguration(SearchBeans.class)
			.run((context) -> assertThat(context.getBean(AdvancedSearch.class).search("q")).isEqualTo("advanced:q"));
	}

	@Test
	void routesToTheBeanOfTheServedVariantAndToTheDefaultWhenNoneIsServed() {
		this.runner.withUserConfiguration(PricingBeans.class).run((context) -> {
			Pricing pricing = context.getBean(Pricing.class);
			assertThat(pricing.price(100)).isEqualTo(80);
			Flagstaff flagstaff = context.getBean(Flagstaff.class);
			flagstaff.overrides().forceVariant("pricing", "control");
			assertThat(pricing.price(100)).isEqualTo(100);
			flagstaff.overrides().force("pricing", false);
			assertThat(pricing.price(100)).isEqualTo(100);
		});
	}

	@Test
	void failsStartupWhenTheOffSideIsMissing() {
		this.runner.withUserConfiguration(OnlyOnSide.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.extracting(NestedExceptionUtils::getMostSpecificCause)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.isInstanceOf(FeatureStrategyException.class)
				.hasMessageContaining("bean 'advancedSearch' implements Search for feature 'advanced-search'")
				.hasMessageContaining("annotated @FeatureToggle(value = \"advanced-search\", when = OFF)"));
	}

	@Test
	void failsStartupWhenAnImplementationDoesNotImplementTheInjectedType() {
		this.runner.withUserConfiguration(OffSideOfAnotherType.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.extracting(NestedExceptionUtils::getMostSpecificCause)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.isInstanceOf(FeatureStrategyException.class)
				.hasMessageContaining("bean 'notASearch' is marked for this flag but does not implement")
				.hasMessageContaining("make it implement Search"));
	}

	@Test
	void failsStartupWhenAConfiguredVariantHasNoBean() {
		this.runner.withUserConfiguration(ControlOnly.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.extracting(NestedExceptionUtils::getMostSpecificCause)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.isInstanceOf(FeatureStrategyException.class)
				.hasMessageContaining("variant 'discount' of feature 'pricing' has no bean implementing")
				.hasMessageContaining("@Variant(feature = \"pricing\", value = \"discount\")"));
	}

	@Test
	void failsStartupWhenABeanNamesAVariantTheConfigurationLacks() {
		this.runner.withUserConfiguration(PricingBeans.class, UnknownVariant.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.extracting(NestedExceptionUtils::getMostSpecificCause)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.isInstanceOf(FeatureStrategyException.class)
				.hasMessageContaining("bean 'premiumPricing' implements variant 'premium' of feature 'pricing'")
				.hasMessageContaining("fix the @Variant value or add the variant to the flag"));
	}

	@Test
	void failsStartupWhenNoVariantBeanIsTheDefault() {
		this.runner.withUserConfiguration(NoDefault.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.extracting(NestedExceptionUtils::getMostSpecificCause)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.isInstanceOf(FeatureStrategyException.class)
				.hasMessageContaining("no bean implementing Pricing for feature 'pricing' is the default"));
	}

	public interface Search {

		String search(String query);

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.ON)
	static class AdvancedSearch implements Search {

		@Override
		public String search(String query) {
			return "advanced:" + query;
		}

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.OFF)
	static class BasicSearch implements Search {

		@Override
		public String search(String query) {
			return "basic:" + query;
		}

	}

	@FeatureToggle(value = "advanced-search", when = FeatureToggle.When.OFF)
	static class NotASearch {

	}

	public interface Pricing {

		int price(int base);

	}

	@Variant(feature = "pricing", value = "control", isDefault = true)
	static class StandardPricing implements Pricing {

		@Override
		public int price(int base) {
			return base;
		}

	}

	@Variant(feature = "pricing", value = "discount")
	static class DiscountPricing implements Pricing {

		@Override
		public int price(int base) {
			return base * 80 / 100;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SearchBeans {

		@Bean
		AdvancedSearch advancedSearch() {
			return new AdvancedSearch();
		}

		@Bean
		BasicSearch basicSearch() {
			return new BasicSearch();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class CountingAdvice {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		Advisor countingRouterCalls() {
			NameMatchMethodPointcut pointcut = new NameMatchMethodPointcut();
			pointcut.setMappedName("search");
			pointcut.setClassFilter((type) -> type.getName().contains("_FlagstaffRouter_"));
			return new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) (invocation) -> {
				this.calls.incrementAndGet();
				return invocation.proceed();
			});
		}

	}

	static class SearchClients {

		final Search byConstructor;

		@Autowired
		Search byField;

		Search bySetter;

		SearchClients(Search byConstructor) {
			this.byConstructor = byConstructor;
		}

		@Autowired
		void setSearch(Search search) {
			this.bySetter = search;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(SearchClients.class)
	static class SearchClientsConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class PricingBeans {

		@Bean
		StandardPricing standardPricing() {
			return new StandardPricing();
		}

		@Bean
		DiscountPricing discountPricing() {
			return new DiscountPricing();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OnlyOnSide {

		@Bean
		AdvancedSearch advancedSearch() {
			return new AdvancedSearch();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OffSideOfAnotherType {

		@Bean
		AdvancedSearch advancedSearch() {
			return new AdvancedSearch();
		}

		@Bean
		NotASearch notASearch() {
			return new NotASearch();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ControlOnly {

		@Bean
		StandardPricing standardPricing() {
			return new StandardPricing();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownVariant {

		@Bean
		@Variant(feature = "pricing", value = "premium")
		Pricing premiumPricing() {
			return new PremiumPricing();
		}

	}

	static class PremiumPricing implements Pricing {

		@Override
		public int price(int base) {
			return base * 2;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoDefault {

		@Bean
		DiscountPricing discountPricing() {
			return new DiscountPricing();
		}

	}

}
