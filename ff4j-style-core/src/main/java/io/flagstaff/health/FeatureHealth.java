package io.flagstaff.health;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The monitors of one flag: one for all its calls and one per variant. A monitor is
 * replaced when the flag's policy changes, or when a tripped monitor sees its flag (or
 * variant) back in service in a snapshot newer than the one that showed the disable.
 * Thread-safe.
 */
final class FeatureHealth {

	private volatile @Nullable Monitor feature;

	private final ConcurrentMap<String, Monitor> variants = new ConcurrentHashMap<>();

	@Nullable Monitor feature() {
		return this.feature;
	}

	@Nullable Monitor variant(String variant) {
		return this.variants.get(variant);
	}

	Monitor feature(HealthPolicy policy, long version, FeatureDefinition definition) {
		Monitor current = this.feature;
		if (current != null && isCurrent(current, policy) && !featureBack(current, version, definition)) {
			return current;
		}
		synchronized (this) {
			current = this.feature;
			if (current == null || !isCurrent(current, policy) || featureBack(current, version, definition)) {
				current = new Monitor(policy);
				this.feature = current;
			}
			return current;
		}
	}

	Monitor variant(String variant, HealthPolicy policy, long version, FeatureDefinition definition) {
		Monitor current = this.variants.get(variant);
		if (current != null && isCurrent(current, policy) && !variantBack(current, version, definition, variant)) {
			return current;
		}
		return this.variants.compute(variant, (name, existing) -> {
			if (existing == null || !isCurrent(existing, policy) || variantBack(existing, version, definition, name)) {
				return new Monitor(policy);
			}
			return existing;
		});
	}

	private static boolean isCurrent(Monitor monitor, HealthPolicy policy) {
		return monitor.policy == policy || monitor.policy.equals(policy);
	}

	private static boolean featureBack(Monitor monitor, long version, FeatureDefinition definition) {
		return monitor.state.get() == Monitor.TRIPPED && version > monitor.trippedAtVersion && definition.enabled()
				&& definition.killed() == null;
	}

	private static boolean variantBack(Monitor monitor, long version, FeatureDefinition definition, String variant) {
		return monitor.state.get() == Monitor.TRIPPED && version > monitor.trippedAtVersion
				&& weight(definition, variant) > 0;
	}

	private static int weight(FeatureDefinition definition, String variant) {
		for (VariantDefinition candidate : definition.variants()) {
			if (candidate.name().equals(variant)) {
				return candidate.weight();
			}
		}
		return 0;
	}

}
