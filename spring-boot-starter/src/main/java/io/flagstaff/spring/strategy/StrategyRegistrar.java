package io.flagstaff.spring.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.spring.FeatureStrategyException;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.Variant;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Finds the strategy beans ({@code @FeatureToggle(when = ON | OFF)} and {@code @Variant},
 * on a class or a {@code @Bean} method), groups them by flag and interface, fails startup
 * when a group is incomplete, and registers one primary routing proxy per group, so
 * injecting the interface (by constructor, field or setter) injects the router.
 */
public final class StrategyRegistrar implements BeanDefinitionRegistryPostProcessor, Ordered {

	/** The name of the bean that validates the groups against the flag configuration. */
	public static final String VALIDATOR_BEAN_NAME = "flagstaffStrategyValidator";

	private static final String ROUTER_PREFIX = "flagstaffStrategy.";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		List<Marked> marked = findMarkedBeans(registry, beanFactory);
		List<String> problems = new ArrayList<>();
		List<StrategyGroup> groups = group(marked, problems);
		if (!problems.isEmpty()) {
			throw new FeatureStrategyException(problems);
		}
		for (StrategyGroup group : groups) {
			RootBeanDefinition router = new RootBeanDefinition(StrategyRouterFactoryBean.class);
			router.getConstructorArgumentValues().addIndexedArgumentValue(0, group);
			router.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, group.type());
			router.setPrimary(true);
			registry.registerBeanDefinition(ROUTER_PREFIX + group.feature() + "." + group.type().getName(), router);
		}
		RootBeanDefinition validator = new RootBeanDefinition(StrategyValidator.class);
		validator.getConstructorArgumentValues().addIndexedArgumentValue(0, groups);
		validator.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(VALIDATOR_BEAN_NAME, validator);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

	private List<Marked> findMarkedBeans(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory) {
		List<Marked> marked = new ArrayList<>();
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			if (definition.getRole() != BeanDefinition.ROLE_APPLICATION || definition.isAbstract()) {
				continue;
			}
			Class<?> type = beanFactory.getType(name, false);
			if (type == null) {
				continue;
			}
			FeatureToggle toggle = find(definition, type, FeatureToggle.class);
			if (toggle != null && toggle.when() != FeatureToggle.When.GUARD) {
				String side = (toggle.when() == FeatureToggle.When.ON) ? StrategyGroup.ON : StrategyGroup.OFF;
				marked.add(new Marked(name, type, toggle.value(), false, side, false));
				continue;
			}
			Variant variant = find(definition, type, Variant.class);
			if (variant != null) {
				marked.add(new Marked(name, type, variant.feature(), true, variant.value(), variant.isDefault()));
			}
		}
		return marked;
	}

	private static <A extends java.lang.annotation.Annotation> @Nullable A find(BeanDefinition definition,
			Class<?> type, Class<A> annotationType) {
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				MergedAnnotation<A> annotation = factoryMethod.getAnnotations().get(annotationType);
				if (annotation.isPresent()) {
					return annotation.synthesize();
				}
			}
		}
		return AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(type), annotationType);
	}

	private static List<StrategyGroup> group(List<Marked> marked, List<String> problems) {
		Map<GroupKey, List<Marked>> byFeatureAndType = new LinkedHashMap<>();
		for (Marked bean : marked) {
			if (bean.feature().isEmpty()) {
				problems.add("bean '" + bean.name() + "' is marked as a strategy but names no flag: set the feature");
				continue;
			}
			Set<Class<?>> types = strategyTypes(bean.type());
			if (types.isEmpty()) {
				problems.add("bean '" + bean.name() + "' is marked as a strategy of feature '" + bean.feature()
						+ "' but implements no interface: strategies are injected by interface, so make "
						+ bean.type().getSimpleName() + " implement the interface its callers inject");
			}
			for (Class<?> type : types) {
				byFeatureAndType.computeIfAbsent(new GroupKey(bean.feature(), type), (key) -> new ArrayList<>())
					.add(bean);
			}
		}
		List<StrategyGroup> groups = new ArrayList<>();
		byFeatureAndType.forEach((key, beans) -> {
			StrategyGroup group = buildGroup(key.feature(), key.type(), beans, marked, problems);
			if (group != null) {
				groups.add(group);
			}
		});
		return groups;
	}

	private static @Nullable StrategyGroup buildGroup(String feature, Class<?> type, List<Marked> beans,
			List<Marked> all, List<String> problems) {
		boolean variants = beans.get(0).variant();
		String what = type.getSimpleName() + " for feature '" + feature + "'";
		Map<String, String> bySide = new LinkedHashMap<>();
		String defaultBean = null;
		for (Marked bean : beans) {
			if (bean.variant() != variants) {
				problems.add("bean '" + bean.name() + "' implements " + what + " with "
						+ (bean.variant() ? "@Variant" : "@FeatureToggle(when = ...)") + " while bean '"
						+ beans.get(0).name()
						+ "' uses the other annotation: use either on/off sides or variants for one flag");
				return null;
			}
			if (!bean.side().isEmpty()) {
				String previous = bySide.putIfAbsent(bean.side(), bean.name());
				if (previous != null) {
					problems.add("beans '" + previous + "' and '" + bean.name() + "' both implement " + what + " as "
							+ (variants ? "variant '" + bean.side() + "'" : "when = " + bean.side().toUpperCase())
							+ ": keep one of them");
				}
			}
			if (bean.isDefault()) {
				if (defaultBean != null) {
					problems.add("beans '" + defaultBean + "' and '" + bean.name() + "' are both the default of " + what
							+ ": set isDefault = true on one of them only");
				}
				defaultBean = bean.name();
			}
			else if (variants && bean.side().isEmpty()) {
				problems.add("bean '" + bean.name() + "' has @Variant(feature = \"" + feature
						+ "\") with neither a value nor isDefault = true: name the variant it implements");
			}
		}
		if (variants) {
			if (defaultBean == null) {
				problems.add("no bean implementing " + what
						+ " is the default: mark the control bean with @Variant(feature = \"" + feature
						+ "\", value = \"...\", isDefault = true)" + otherBeans(feature, type, all, true));
			}
		}
		else {
			for (String side : List.of(StrategyGroup.ON, StrategyGroup.OFF)) {
				if (!bySide.containsKey(side)) {
					String present = bySide.values().iterator().next();
					problems.add("bean '" + present + "' implements " + what + " but no bean implements it for when = "
							+ side.toUpperCase() + ": add a bean implementing " + type.getName()
							+ " annotated @FeatureToggle(value = \"" + feature + "\", when = " + side.toUpperCase()
							+ ")" + otherBeans(feature, type, all, false));
				}
			}
		}
		return new StrategyGroup(feature, type, variants, bySide, defaultBean);
	}

	private static String otherBeans(String feature, Class<?> type, List<Marked> all, boolean variants) {
		List<String> others = new ArrayList<>();
		for (Marked bean : all) {
			if (bean.feature().equals(feature) && bean.variant() == variants && !type.isAssignableFrom(bean.type())) {
				others.add("'" + bean.name() + "'");
			}
		}
		return others.isEmpty() ? ""
				: "; bean " + String.join(", ", others) + " is marked for this flag but does not implement "
						+ type.getName() + ": make it implement " + type.getSimpleName();
	}

	private static Set<Class<?>> strategyTypes(Class<?> beanType) {
		Set<Class<?>> types = new LinkedHashSet<>();
		Class<?> userType = ClassUtils.getUserClass(beanType);
		if (userType.isInterface()) {
			types.add(userType);
		}
		for (Class<?> candidate : ClassUtils.getAllInterfacesForClassAsSet(userType)) {
			String name = candidate.getName();
			if (!name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jakarta.")
					&& !name.startsWith("org.springframework.") && !name.startsWith("org.aopalliance.")
					&& !name.startsWith("kotlin.") && !name.startsWith("groovy.")) {
				types.add(candidate);
			}
		}
		return types;
	}

	private record GroupKey(String feature, Class<?> type) {
	}

	private record Marked(String name, Class<?> type, String feature, boolean variant, String side, boolean isDefault) {
	}

}
