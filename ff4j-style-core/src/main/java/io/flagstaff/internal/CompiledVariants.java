package io.flagstaff.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A list of variants ready for picking: names, values, running totals of the weights, and
 * the usage counter of each. Immutable.
 */
final class CompiledVariants {

	private final String[] names;

	private final @Nullable FeatureValue[] values;

	private final int[] cumulative;

	private final LongAdder[] counters;

	CompiledVariants(List<VariantDefinition> variants, UsageCounter usage) {
		int size = variants.size();
		this.names = new String[size];
		this.values = new FeatureValue[size];
		this.cumulative = new int[size];
		this.counters = new LongAdder[size];
		int total = 0;
		for (int i = 0; i < size; i++) {
			VariantDefinition variant = variants.get(i);
			this.names[i] = variant.name();
			this.values[i] = variant.value();
			total += variant.weight();
			this.cumulative[i] = total;
			this.counters[i] = usage.variant(variant.name());
		}
	}

	int pick(Bucketer bucketer, io.flagstaff.FeatureContext context, EvaluationRuntime runtime) {
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

	LongAdder counter(int index) {
		return this.counters[index];
	}

}
