package io.flagstaff.openfeature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import io.flagstaff.FeatureContext;
import org.jspecify.annotations.Nullable;

/**
 * The rule documented on {@link ContextMapper#standard()}. Stateless and thread-safe.
 */
final class StandardContextMapper implements ContextMapper {

	static final StandardContextMapper INSTANCE = new StandardContextMapper();

	private StandardContextMapper() {
	}

	@Override
	public FeatureContext map(EvaluationContext context, @Nullable FeatureContext base) {
		if (context.isEmpty()) {
			return (base != null) ? base : FeatureContext.empty();
		}
		FeatureContext.Builder builder = (base != null) ? base.toBuilder() : FeatureContext.builder();
		String targetingKey = null;
		if (context instanceof ImmutableContext || context instanceof MutableContext) {
			// their map views share the values: nothing is copied
			for (Map.Entry<String, Value> entry : context.asUnmodifiableMap().entrySet()) {
				targetingKey = entry(builder, entry.getKey(), entry.getValue(), targetingKey);
			}
		}
		else {
			// a layered context (the SDK's merge of the API, transaction, client,
			// invocation
			// and hook levels) builds and copies a merged map for asMap(): look each key
			// up
			for (String name : context.keySet()) {
				targetingKey = entry(builder, name, context.getValue(name), targetingKey);
			}
		}
		if (targetingKey == null) {
			targetingKey = context.getTargetingKey();
		}
		if (targetingKey != null) {
			builder.userId(targetingKey);
		}
		return builder.build();
	}

	/**
	 * Adds one entry, returning the targeting key when the entry is it.
	 */
	private static @Nullable String entry(FeatureContext.Builder builder, String name, @Nullable Value value,
			@Nullable String targetingKey) {
		if (EvaluationContext.TARGETING_KEY.equals(name)) {
			return (value != null) ? value.asString() : null;
		}
		put(builder, name, value);
		return targetingKey;
	}

	private static void put(FeatureContext.Builder builder, String name, @Nullable Value value) {
		if (value == null || value.isNull()) {
			return;
		}
		String text = scalar(value.asObject());
		if (text != null) {
			builder.attribute(name, text);
		}
		else if (value.isStructure()) {
			Structure structure = value.asStructure();
			for (String key : structure.keySet()) {
				put(builder, name + "." + key, structure.getValue(key));
			}
		}
		else if (value.isList()) {
			putList(builder, name, value.asList());
		}
	}

	private static void putList(FeatureContext.Builder builder, String name, List<Value> list) {
		StringBuilder joined = null;
		for (int i = 0; i < list.size(); i++) {
			Value element = list.get(i);
			String text = (element != null) ? scalar(element.asObject()) : null;
			if (text != null) {
				joined = (joined == null) ? new StringBuilder(text) : joined.append(',').append(text);
			}
			else {
				put(builder, name + "[" + i + "]", element);
			}
		}
		if (joined != null) {
			builder.attribute(name, joined.toString());
		}
	}

	/**
	 * Returns the text of a scalar, or {@code null} for a structure, a list or null.
	 */
	static @Nullable String scalar(@Nullable Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Boolean bool) {
			return bool ? "true" : "false";
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return Long.toString(((Number) value).longValue());
		}
		if (value instanceof Number number) {
			return number(number.doubleValue());
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		return null;
	}

	private static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
