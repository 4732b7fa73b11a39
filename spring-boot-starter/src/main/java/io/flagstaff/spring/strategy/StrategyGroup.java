package io.flagstaff.spring.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The beans that implement one interface for one flag: the on and off sides of a toggle,
 * or the variants of a multivariate flag. Immutable.
 *
 * @param feature the flag key
 * @param type the interface the routing proxy implements
 * @param variants whether the beans are variants ({@code @Variant}) rather than on/off
 * sides
 * @param beans bean names by side ({@code on}, {@code off}) or variant name
 * @param defaultBean for variants, the bean used while the flag serves no variant
 */
public record StrategyGroup(String feature, Class<?> type, boolean variants, Map<String, String> beans,
		@Nullable String defaultBean) {

	/** The side served while a toggle's flag is on. */
	public static final String ON = "on";

	/** The side served while a toggle's flag is off. */
	public static final String OFF = "off";

	public StrategyGroup {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(type, "type");
		beans = Collections.unmodifiableMap(new LinkedHashMap<>(beans));
	}

	/**
	 * Returns a description for messages.
	 * @return for example {@code SearchService for feature 'advanced-search'}
	 */
	public String describe() {
		return this.type.getSimpleName() + " for feature '" + this.feature + "'";
	}

}
