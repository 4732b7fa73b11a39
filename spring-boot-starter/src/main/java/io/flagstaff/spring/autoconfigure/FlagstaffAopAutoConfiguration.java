package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.aop.FeatureCalls;
import io.flagstaff.spring.aop.FeatureToggleAdvisor;
import io.flagstaff.spring.strategy.StrategyRegistrar;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configures {@link FeatureToggle} guarding and strategy injection through Spring
 * AOP proxies. Needs no AspectJ: when no auto-proxy creator is registered (no
 * {@code spring-boot-starter-aspectj}, no {@code @EnableTransactionManagement}), it
 * registers Spring's infrastructure one.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnBean(Flagstaff.class)
@Import(FlagstaffAopAutoConfiguration.AutoProxyRegistrar.class)
public final class FlagstaffAopAutoConfiguration {

	/**
	 * The advisor that guards {@code @FeatureToggle} methods.
	 * @param flagstaff the evaluator, looked up on first use
	 * @param calls the recorder hub, looked up on first use
	 * @param environment the environment, for {@code flagstaff.aspect-order}
	 * @return the advisor
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static FeatureToggleAdvisor featureToggleAdvisor(ObjectProvider<Flagstaff> flagstaff,
			ObjectProvider<FeatureCalls> calls, Environment environment) {
		int order = Binder.get(environment)
			.bind("flagstaff.aspect-order", Integer.class)
			.orElse(new FlagstaffProperties().getAspectOrder());
		return new FeatureToggleAdvisor(flagstaff::getObject, calls::getObject, order);
	}

	/**
	 * Finds strategy beans and registers their routing proxies.
	 * @return the registrar
	 */
	@Bean
	@ConditionalOnMissingBean
	static StrategyRegistrar featureStrategyRegistrar() {
		return new StrategyRegistrar();
	}

	static class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
		}

	}

}
