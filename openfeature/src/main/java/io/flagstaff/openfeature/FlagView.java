package io.flagstaff.openfeature;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import io.flagstaff.Evaluation;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * What OpenFeature needs to know about one flag of one snapshot: its value kind, whether
 * its answer can depend on the context, which rules split, its metadata, and the shared
 * results handed out so far. Thread-safe; created lazily, once per flag and snapshot.
 */
final class FlagView {

	private static final FlagValueType[] TYPES = FlagValueType.values();

	private static final int REASONS = Reason.values().length;

	final String key;

	final ValueKind kind;

	/** Whether the answer is the same for every context (then the reason is STATIC). */
	private final boolean constant;

	private final boolean needsContext;

	/** Whether the flag's default rollout is partial (above 0, below 100). */
	private final boolean partialRollout;

	/** Whether the flag's own variants are chosen by weight (or by their conditions). */
	private final boolean weighted;

	/** The names (as evaluations report them) of the rules whose answer is a split. */
	private final Set<String> splittingRules;

	private final List<VariantDefinition> variants;

	final ImmutableMetadata metadata;

	/** Per requested type, the shared results by variant slot and reason. */
	private final AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable ProviderEvaluation<?>>> shared = new AtomicReferenceArray<>(
			TYPES.length);

	FlagView(FeatureDefinition definition) {
		this.key = definition.key();
		this.variants = definition.variants();
		this.kind = ValueKind.of(this.variants);
		this.weighted = weighted(this.variants);
		Double rollout = definition.rollout();
		this.partialRollout = rollout != null && rollout > 0 && rollout < 100;
		this.constant = definition.enabled() && definition.killed() == null && definition.environments().isEmpty()
				&& definition.schedule() == null && definition.requires().isEmpty() && definition.allow().isEmpty()
				&& definition.deny().isEmpty() && definition.rules().isEmpty() && !this.partialRollout
				&& !this.weighted;
		this.needsContext = !this.constant || definition.track();
		this.splittingRules = splittingRules(definition.rules(), this.variants);
		this.metadata = metadata(definition);
	}

	/**
	 * Whether evaluating the flag reads the context (to decide, or for its exposures).
	 */
	boolean needsContext() {
		return this.needsContext;
	}

	/**
	 * Turns Flagstaff's evaluation into OpenFeature's result for a requested type.
	 * @param type the requested type
	 * @param evaluation the evaluation
	 * @param defaultValue the caller's default
	 * @param flagstaff where the overrides of the moment are read
	 * @return the result; shared when it does not depend on the default
	 */
	@SuppressWarnings("unchecked")
	<T> ProviderEvaluation<T> result(FlagValueType type, Evaluation evaluation, T defaultValue, Flagstaff flagstaff) {
		Reason reason = reason(evaluation, flagstaff);
		if (reason == Reason.ERROR) {
			return Results.error(defaultValue, ErrorCode.GENERAL,
					"Flag '" + this.key + "' could not be evaluated; Flagstaff answered with reason ERROR",
					this.metadata);
		}
		if (!this.kind.accepts(type)) {
			return Results.error(
					defaultValue, ErrorCode.TYPE_MISMATCH, "Flag '" + this.key + "' serves " + this.kind.displayName()
							+ " values, not " + Results.typeName(type) + "; read it with " + this.kind.getter(),
					this.metadata);
		}
		int slot = slot(evaluation);
		if (slot < 0) {
			return unshared(type, evaluation, defaultValue, reason);
		}
		AtomicReferenceArray<@Nullable ProviderEvaluation<?>> results = sharedOf(type);
		int index = slot * REASONS + reason.ordinal();
		ProviderEvaluation<?> result = results.get(index);
		if (result == null) {
			result = unshared(type, evaluation, defaultValue, reason);
			if (result.getErrorCode() != null) {
				return (ProviderEvaluation<T>) result;
			}
			result = new SharedEvaluation<>(result.getValue(), result.getVariant(), reason.name(), this.metadata);
			results.lazySet(index, result);
		}
		return (ProviderEvaluation<T>) result;
	}

	/**
	 * Returns the slot of a result that does not depend on the caller's default: the
	 * flag's variant index, {@code size} for on without a variant, {@code size + 1} for
	 * off as a boolean; {@code -1} otherwise (off as another type, a rule's own variant).
	 */
	private int slot(Evaluation evaluation) {
		int size = this.variants.size();
		if (!evaluation.enabled()) {
			return (this.kind == ValueKind.BOOLEAN) ? size + 1 : -1;
		}
		String variant = evaluation.variant();
		if (variant == null) {
			return size;
		}
		for (int i = 0; i < size; i++) {
			VariantDefinition candidate = this.variants.get(i);
			if (candidate.name().equals(variant) && candidate.value() == evaluation.value()) {
				return i;
			}
		}
		return -1;
	}

	private <T> ProviderEvaluation<T> unshared(FlagValueType type, Evaluation evaluation, T defaultValue,
			Reason reason) {
		if (!evaluation.enabled()) {
			if (this.kind == ValueKind.BOOLEAN) {
				return Results.value(cast(Boolean.FALSE), this.variants.isEmpty() ? "off" : null, reason,
						this.metadata);
			}
			return Results.value(defaultValue, null, reason, this.metadata);
		}
		String variant = evaluation.variant();
		if (variant == null) {
			return Results.value(cast(Boolean.TRUE), "on", reason, this.metadata);
		}
		Object value = value(evaluation.value(), variant, type);
		if (value == null) {
			return Results.error(defaultValue, ErrorCode.TYPE_MISMATCH,
					"Flag '" + this.key + "' served variant '" + variant + "', whose value is not " + article(type)
							+ " " + Results.typeName(type)
							+ ((type == FlagValueType.INTEGER && ValueKind.of(evaluation.value()) == ValueKind.INTEGER)
									? " (it does not fit; read it with getLongValue)" : ""),
					this.metadata);
		}
		return Results.value(cast(value), variant, reason, this.metadata);
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	/**
	 * Returns a served value as the requested type, or {@code null} when it is not of
	 * that type.
	 */
	private static @Nullable Object value(@Nullable FeatureValue value, String variant, FlagValueType type) {
		if (value == null) {
			return (type == FlagValueType.STRING) ? variant : null;
		}
		if (value instanceof FeatureValue.Bool bool) {
			return (type == FlagValueType.BOOLEAN) ? bool.value() : null;
		}
		if (value instanceof FeatureValue.Text text) {
			return (type == FlagValueType.STRING) ? text.value() : null;
		}
		if (value instanceof FeatureValue.Num num) {
			return number(num.value(), type);
		}
		return (type == FlagValueType.OBJECT) ? JsonValues.toValue(value) : null;
	}

	private static @Nullable Object number(BigDecimal number, FlagValueType type) {
		try {
			return switch (type) {
				case INTEGER -> number.intValueExact();
				case LONG -> number.longValueExact();
				case DOUBLE -> number.doubleValue();
				default -> null;
			};
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	private static String article(FlagValueType type) {
		return (type == FlagValueType.INTEGER || type == FlagValueType.OBJECT) ? "an" : "a";
	}

	private AtomicReferenceArray<@Nullable ProviderEvaluation<?>> sharedOf(FlagValueType type) {
		AtomicReferenceArray<@Nullable ProviderEvaluation<?>> results = this.shared.get(type.ordinal());
		if (results == null) {
			results = new AtomicReferenceArray<>((this.variants.size() + 2) * REASONS);
			if (!this.shared.compareAndSet(type.ordinal(), null, results)) {
				results = this.shared.get(type.ordinal());
			}
		}
		return results;
	}

	/**
	 * Maps Flagstaff's reason to OpenFeature's (the table of docs/openfeature.md).
	 */
	Reason reason(Evaluation evaluation, Flagstaff flagstaff) {
		return switch (evaluation.reason()) {
			case DISABLED, KILLED, ENVIRONMENT, SCHEDULE -> Reason.DISABLED;
			case PREREQUISITE, DENIED, ALLOWED -> Reason.TARGETING_MATCH;
			case RULE_MATCH -> this.splittingRules.contains(evaluation.rule()) ? Reason.SPLIT : Reason.TARGETING_MATCH;
			case ROLLOUT -> this.partialRollout ? Reason.SPLIT : (this.constant ? Reason.STATIC : Reason.DEFAULT);
			case DEFAULT -> this.constant ? Reason.STATIC : (this.weighted ? Reason.SPLIT : Reason.DEFAULT);
			case OVERRIDE -> ("on".equals(flagstaff.overrides().current().get(this.key)) && this.weighted)
					? Reason.SPLIT : Reason.STATIC;
			case FLAG_NOT_FOUND, ERROR -> Reason.ERROR;
		};
	}

	private static boolean weighted(List<VariantDefinition> variants) {
		int positive = 0;
		for (VariantDefinition variant : variants) {
			if (!variant.overrides().isEmpty()) {
				return true;
			}
			if (variant.weight() > 0) {
				positive++;
			}
		}
		return positive > 1;
	}

	private static Set<String> splittingRules(List<Rule> rules, List<VariantDefinition> variants) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			boolean splits = rule.serve() == Rule.Serve.ROLLOUT || (rule.serve() == Rule.Serve.ON
					&& weighted(rule.variants().isEmpty() ? variants : rule.variants()));
			if (splits) {
				names.add((rule.name() != null) ? rule.name() : "rules[" + i + "]");
			}
		}
		return Set.copyOf(names);
	}

	/**
	 * The flag's metadata as OpenFeature flag metadata: description, owner, type (unless
	 * the default, {@code release}) and expiry, then every entry of its {@code metadata}.
	 */
	private static ImmutableMetadata metadata(FeatureDefinition definition) {
		ImmutableMetadata.ImmutableMetadataBuilder builder = ImmutableMetadata.builder();
		if (definition.description() != null) {
			builder.addString("description", definition.description());
		}
		if (definition.owner() != null) {
			builder.addString("owner", definition.owner());
		}
		if (definition.type() != FeatureType.RELEASE) {
			builder.addString("type", definition.type().configName());
		}
		if (definition.expires() != null) {
			builder.addString("expires", definition.expires().toString());
		}
		for (Map.Entry<String, FeatureValue> entry : definition.metadata().entrySet()) {
			add(builder, entry.getKey(), entry.getValue());
		}
		return builder.build();
	}

	private static void add(ImmutableMetadata.ImmutableMetadataBuilder builder, String key, FeatureValue value) {
		if (value instanceof FeatureValue.Text text) {
			builder.addString(key, text.value());
		}
		else if (value instanceof FeatureValue.Bool bool) {
			builder.addBoolean(key, bool.value());
		}
		else if (value instanceof FeatureValue.Num num) {
			Number number = JsonValues.narrowest(num.value());
			if (number instanceof Integer integer) {
				builder.addInteger(key, integer);
			}
			else if (number instanceof Long whole) {
				builder.addLong(key, whole);
			}
			else {
				builder.addDouble(key, number.doubleValue());
			}
		}
		else {
			builder.addString(key, ((FeatureValue.Json) value).value().toString());
		}
	}

}
