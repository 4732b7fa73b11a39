package io.flagstaff.spring.strategy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.spring.FeatureStrategyException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Checks, once all singletons exist, that every variant strategy matches its flag's
 * configuration: each configured variant has a bean and each bean names a configured
 * variant. Fails startup with a {@link FeatureStrategyException} otherwise.
 */
public final class StrategyValidator implements SmartInitializingSingleton, BeanFactoryAware {

	private final List<StrategyGroup> groups;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Creates the validator.
	 * @param groups the groups to check
	 */
	public StrategyValidator(List<StrategyGroup> groups) {
		this.groups = List.copyOf(groups);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Returns the groups found at startup.
	 * @return the groups
	 */
	public List<StrategyGroup> getGroups() {
		return this.groups;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.groups.isEmpty()) {
			return;
		}
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		Flagstaff flagstaff = this.beanFactory.getBean(Flagstaff.class);
		List<String> problems = new ArrayList<>();
		for (StrategyGroup group : this.groups) {
			if (!group.variants()) {
				continue;
			}
			FeatureDefinition definition = flagstaff.snapshot().definition(group.feature());
			if (definition == null) {
				// an unknown key is reported by the key check (once per key, with the
				// closest defined keys)
				continue;
			}
			Set<String> configured = new LinkedHashSet<>();
			for (VariantDefinition variant : definition.variants()) {
				configured.add(variant.name());
			}
			for (String variant : configured) {
				if (!group.beans().containsKey(variant)) {
					problems
						.add("variant '" + variant + "' of feature '" + group.feature() + "' has no bean implementing "
								+ group.type().getName() + ": add one annotated @Variant(feature = \"" + group.feature()
								+ "\", value = \"" + variant + "\"), or remove the variant from the configuration");
				}
			}
			for (Map.Entry<String, String> bean : group.beans().entrySet()) {
				if (!configured.contains(bean.getKey())) {
					problems
						.add("bean '" + bean.getValue() + "' implements variant '" + bean.getKey() + "' of feature '"
								+ group.feature() + "', which the configuration does not define (variants: "
								+ configured + "): fix the @Variant value or add the variant to the flag");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new FeatureStrategyException(problems);
		}
	}

}
