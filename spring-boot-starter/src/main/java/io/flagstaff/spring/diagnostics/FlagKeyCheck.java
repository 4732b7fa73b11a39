package io.flagstaff.spring.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.spring.FlagstaffStartupException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Checks, once every singleton exists, that each flag key the application's beans name
 * ({@code @FeatureToggle} on types and methods, {@code @Variant}, on/off strategies, also
 * on {@code @Bean} methods) is a flag of the snapshot being served. An unknown key is
 * logged once as a warning naming the key, every place that names it and the closest
 * defined keys; with strict checking startup fails with the same message instead. The
 * keys found are kept for the hygiene report ({@link #references()}). Thread-safe once
 * started.
 */
public final class FlagKeyCheck implements SmartInitializingSingleton, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(FlagKeyCheck.class);

	private final boolean strict;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable Map<String, List<String>> references;

	/**
	 * Creates the check.
	 * @param strict whether an unknown key fails startup ({@code flagstaff.strict})
	 * rather than being logged
	 */
	public FlagKeyCheck(boolean strict) {
		this.strict = strict;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	/**
	 * Returns the keys the application's beans name, each with where.
	 * @return the places by key; {@code null} before the check ran
	 */
	public @Nullable Map<String, List<String>> references() {
		return this.references;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null) {
			return;
		}
		Map<String, List<String>> found = FlagKeyReferences.scan(factory);
		this.references = found;
		Flagstaff flagstaff = factory.getBeanProvider(Flagstaff.class).getIfUnique();
		if (flagstaff == null) {
			return;
		}
		FeatureSnapshot snapshot = flagstaff.snapshot();
		List<String> unknown = new ArrayList<>();
		found.forEach((key, places) -> {
			if (snapshot.definition(key) == null) {
				unknown.add(describe(key, places, snapshot));
			}
		});
		if (unknown.isEmpty()) {
			return;
		}
		if (this.strict) {
			throw new FlagstaffStartupException(
					"Flagstaff's code names flags that " + flagstaff.store() + " does not define:"
							+ unknown.stream().map((line) -> "\n  - " + line).collect(Collectors.joining()),
					"Fix each key in the code, or add the flag to the flag document or store; "
							+ "with flagstaff.strict=false unknown keys are only logged");
		}
		for (String line : unknown) {
			logger.warn(line + "; until it is defined every check of it answers off (guarded methods take their "
					+ "fallback, strategies their off or default bean): fix the key or add the flag");
		}
	}

	private static String describe(String key, List<String> places, FeatureSnapshot snapshot) {
		List<String> closest = snapshot.closestKeys(key, 3);
		return "Flag '" + key + "' named by " + String.join(", ", places) + " is not defined"
				+ (closest.isEmpty() ? " (no flag is defined)" : "; closest defined keys: "
						+ closest.stream().map((k) -> "'" + k + "'").collect(Collectors.joining(", ")));
	}

}
