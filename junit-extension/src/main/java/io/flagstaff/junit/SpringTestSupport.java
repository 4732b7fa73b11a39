package io.flagstaff.junit;

import java.util.List;

import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Puts the test support into every application context that Spring's TestContext builds
 * (registered in {@code META-INF/spring.factories}, so no test needs to name it): the
 * server filters that honour the {@value FlagstaffExtension#SCOPE_HEADER} header, and the
 * post-processor that makes the context's HTTP clients send it. Each part is registered
 * only when its library is on the class path. An application started any other way
 * (production) never has them, whatever its class path. The customizer is the same for
 * every test class, so it does not split Spring's context cache.
 */
final class SpringTestSupport implements ContextCustomizerFactory {

	private static final String PREFIX = "io.flagstaff.junit.";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/**
	 * Returns the identifier of the override scope the calling thread entered on one of
	 * the {@code Flagstaff} beans.
	 * @param flagstaffs the context's {@code Flagstaff} beans
	 * @return the identifier, or {@code null} when the thread is in no scope
	 */
	static @Nullable String currentScopeId(ObjectProvider<Flagstaff> flagstaffs) {
		for (Flagstaff flagstaff : flagstaffs) {
			OverrideScope scope = flagstaff.currentScope();
			if (scope != null) {
				return scope.id();
			}
		}
		return null;
	}

	/**
	 * Finds an open override scope of one of the {@code Flagstaff} beans.
	 * @param flagstaffs the context's {@code Flagstaff} beans
	 * @param id the identifier a request carried, or {@code null}
	 * @return the scope, or {@code null} when none has that identifier
	 */
	static @Nullable OverrideScope findScope(ObjectProvider<Flagstaff> flagstaffs, @Nullable String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		for (Flagstaff flagstaff : flagstaffs) {
			OverrideScope scope = flagstaff.scope(id.trim());
			if (scope != null) {
				return scope;
			}
		}
		return null;
	}

	/**
	 * Enters a scope, unless it closed meanwhile.
	 * @param scope the scope
	 * @return the handle, or {@code null} when the scope is closed
	 */
	static OverrideScope.@Nullable Entered enter(OverrideScope scope) {
		try {
			return scope.enter();
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
				return;
			}
			ClassLoader loader = context.getClassLoader();
			ObjectProvider<Flagstaff> flagstaffs = beanFactory.getBeanProvider(Flagstaff.class);
			register(registry, "scopeClients", SpringScopeClients.class,
					() -> new SpringScopeClients(flagstaffs, loader));
			if (ClassUtils.isPresent("jakarta.servlet.Filter", loader)
					&& ClassUtils.isPresent("org.springframework.web.filter.OncePerRequestFilter", loader)) {
				register(registry, "servletScopeFilter", SpringScopeFilters.Servlet.class,
						() -> new SpringScopeFilters.Servlet(flagstaffs));
			}
			if (ClassUtils.isPresent("org.springframework.web.server.WebFilter", loader)
					&& ClassUtils.isPresent("reactor.core.publisher.Mono", loader)) {
				register(registry, "reactiveScopeFilter", SpringScopeFilters.Reactive.class,
						() -> new SpringScopeFilters.Reactive(flagstaffs));
			}
		}

		private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type,
				java.util.function.Supplier<T> supplier) {
			RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(PREFIX + name, definition);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
