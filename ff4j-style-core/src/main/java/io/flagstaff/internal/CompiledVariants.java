package io.flagstaff.internal;

import java.util.List;

import io.flagstaff.FeatureContext;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A list of variants ready for picking: names, values, running totals of the weights, and
 * the usage counter of each (none when usage statistics are off). Immutable.
 */
final class CompiledVariants {

	private final String[] names;

	private final @Nullable FeatureValue[] values;

	private final int[] cumulative;

	private final StripedCounter @Nullable [] counters;

	/** Per variant, conditions any one of which forces it; empty arrays when none. */
	private final CompiledCondition[][] overrides;

	private final boolean hasOverrides;

	CompiledVariants(List<VariantDefinition> variants, CompiledCondition[][] overrides, @Nullable UsageCounter usage) {
		this.overrides = overrides;
		boolean any = false;
		for (CompiledCondition[] conditions : overrides) {
			any |= conditions.length > 0;
		}
		this.hasOverrides = any;
		int size = variants.size();
		this.names = new String[size];
		this.values = new FeatureValue[size];
		this.cumulative = new int[size];
		StripedCounter[] counters = (usage != null) ? new StripedCounter[size] : null;
		int total = 0;
		for (int i = 0; i < size; i++) {
			VariantDefinition variant = variants.get(i);
			this.names[i] = variant.name();
			this.values[i] = variant.value();
			total += variant.weight();
			this.cumulative[i] = total;
			if (usage != null && counters != null) {
				counters[i] = usage.variant(variant.name());
			}
		}
		this.counters = counters;
	}

	/**
	 * Picks a variant: the first whose override conditions match (any one of them), else
	 * by weight.
	 */
	int pick(Bucketer bucketer, FeatureContext context, EvaluationRuntime runtime) {
		if (this.hasOverrides) {
			for (int i = 0; i < this.overrides.length; i++) {
				for (CompiledCondition condition : this.overrides[i]) {
					if (condition.matches(context, runtime)) {
						return i;
					}
				}
			}
		}
		return bucketer.variant(context, runtime, this.cumulative);
	}

	int indexOf(String name) {
		for (int i = 0; i < this.names.length; i++) {
			if (this.names[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

	String name(int index) {
		return this.names[index];
	}

	@Nullable FeatureValue value(int index) {
		return this.values[index];
	}

	/**
	 * Returns a variant's usage counter, or {@code null} when usage statistics are off.
	 */
	@Nullable StripedCounter counter(int index) {
		return (this.counters != null) ? this.counters[index] : null;
	}

}
