package io.flagstaff.cli.unleash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps one Unleash activation strategy to a native rule. Every strategy becomes a rule
 * whose {@code when} holds its constraints and segments; rollouts fall through, so the
 * strategies of a flag are OR'ed together as in Unleash.
 */
final class StrategyMapper {

	private final ObjectMapper mapper;

	private final Set<String> segments;

	/**
	 * Creates a mapper.
	 * @param mapper parses {@code json} payloads
	 * @param segments the native names of the segments that exist and can match
	 */
	StrategyMapper(ObjectMapper mapper, Set<String> segments) {
		this.mapper = mapper;
		this.segments = segments;
	}

	/**
	 * Returns the native name of an Unleash segment.
	 * @param id the segment id
	 * @return the name, for example {@code segment-4}
	 */
	static String segmentName(String id) {
		return "segment-" + id;
	}

	/**
	 * Maps a strategy.
	 * @param strategy the Unleash strategy
	 * @param index its position in the flag
	 * @param featureKey the flag key (Unleash's default group id)
	 * @param flagVariants how the flag's own variants are chosen, or {@code null} when it
	 * has none
	 * @param notes collects what could not be imported as-is
	 * @return the rule, or {@code null} when the strategy can never turn the flag on
	 */
	@Nullable Rule map(JsonNode strategy, int index, String featureKey, @Nullable Bucketing flagVariants, List<String> notes) {
		String strategyName = Objects.requireNonNullElse(Json.text(strategy, "name"), "unnamed");
		String ruleName = strategyName + "[" + index + "]";
		if (Json.bool(strategy, "disabled", false)) {
			notes.add(ruleName + ": the strategy is disabled in Unleash; it is left out");
			return null;
		}
		List<Condition> when = conditions(strategy, ruleName, notes);
		if (when == null) {
			return null;
		}
		JsonNode parameters = Json.object(strategy, "parameters");
		JsonNode params = (parameters != null) ? parameters : this.mapper.createObjectNode();
		List<JsonNode> unleashVariants = Json.array(strategy, "variants");
		List<VariantDefinition> variants = VariantMapper.variants(unleashVariants, this.mapper);
		String groupId = Json.text(params, "groupId");
		String salt = (groupId != null && !groupId.equals(featureKey)) ? groupId : null;
		Bucketing variantsBucketing = VariantMapper.variantBucketing(VariantMapper.stickiness(unleashVariants), salt);
		switch (strategyName) {
			case "default" -> {
				return on(ruleName, when, variants, variantsBucketing);
			}
			case "userWithId" -> {
				List<String> ids = split(Json.text(params, "userIds"));
				if (ids.isEmpty()) {
					return null;
				}
				when.add(new Condition.Attribute(Bucketing.USER_ID, Operator.IN, ids, false, false));
				return on(ruleName, when, variants, variantsBucketing);
			}
			case "remoteAddress" -> {
				List<String> blocks = new ArrayList<>();
				for (String address : split(Json.text(params, "IPs"))) {
					String block = Operands.cidr(address);
					if (block != null) {
						blocks.add(block);
					}
				}
				if (blocks.isEmpty()) {
					return null;
				}
				when.add(new Condition.Attribute("remoteAddress", Operator.IN_CIDR, blocks, false, false));
				return on(ruleName, when, variants, variantsBucketing);
			}
			case "gradualRolloutUserId" -> {
				return rollout(ruleName, when, Json.text(params, "percentage"),
						new Bucketing(BucketingScheme.UNLEASH, Bucketing.USER_ID, salt), variants,
						variants.isEmpty() ? flagVariants : null);
			}
			case "gradualRolloutSessionId" -> {
				return rollout(ruleName, when, Json.text(params, "percentage"),
						new Bucketing(BucketingScheme.UNLEASH, "sessionId", salt), variants,
						variants.isEmpty() ? flagVariants : null);
			}
			case "gradualRolloutRandom" -> {
				return rollout(ruleName, when, Json.text(params, "percentage"),
						new Bucketing(BucketingScheme.UNLEASH, Bucketing.RANDOM, salt), variants,
						variants.isEmpty() ? flagVariants : null);
			}
			case "flexibleRollout" -> {
				String stickiness = Json.text(params, "stickiness");
				Bucketing bucketing = VariantMapper.rolloutBucketing(stickiness, salt);
				String variantStickiness = VariantMapper.stickiness(unleashVariants);
				Bucketing variantBucketing = variants.isEmpty() ? flagVariants : VariantMapper
					.variantBucketing((variantStickiness != null) ? variantStickiness : stickiness, salt);
				return rollout(ruleName, when, Json.text(params, "rollout"), bucketing, variants, variantBucketing);
			}
			default -> {
				notes.add(ruleName + ": strategy '" + strategyName
						+ "' is not built into Unleash clients; like them, it never turns the flag on");
				return null;
			}
		}
	}

	private @Nullable List<Condition> conditions(JsonNode strategy, String ruleName, List<String> notes) {
		List<Condition> when = new ArrayList<>();
		for (JsonNode constraint : Json.array(strategy, "constraints")) {
			ConstraintMapper.Outcome outcome = ConstraintMapper.map(constraint);
			if (outcome instanceof ConstraintMapper.Match match) {
				when.add(match.condition());
			}
			else if (outcome instanceof ConstraintMapper.Constant constant && !constant.result()) {
				notes.add(ruleName + ": constraint " + constraint + " can never match; the strategy is left out");
				return null;
			}
		}
		for (String id : Json.texts(strategy, "segments")) {
			String name = segmentName(id);
			if (!this.segments.contains(name)) {
				notes.add(ruleName + ": segment " + id + " is missing or can never match; the strategy is left out");
				return null;
			}
			when.add(new Condition.Segment(name, false));
		}
		return when;
	}

	private static Rule on(String name, List<Condition> when, List<VariantDefinition> variants,
			Bucketing variantBucketing) {
		return new Rule(name, when, Rule.Serve.ON, null, null, variants, false, null,
				variants.isEmpty() ? null : variantBucketing);
	}

	private static @Nullable Rule rollout(String name, List<Condition> when, @Nullable String percentage,
			Bucketing bucketing, List<VariantDefinition> variants, @Nullable Bucketing variantBucketing) {
		Double value = percentage(percentage);
		if (value == null || value <= 0) {
			return null;
		}
		Bucketing forVariants = (variantBucketing == null || variantBucketing.equals(bucketing)) ? null
				: variantBucketing;
		List<Condition> conditions = new ArrayList<>(when);
		String key = bucketing.bucketByOrUserId();
		if (value >= 100 && !key.equals(Bucketing.RANDOM) && !bucketing.fallback().contains(Bucketing.RANDOM)) {
			// Unleash leaves a context without the stickiness field out of even a 100%
			// rollout.
			conditions.add(new Condition.Attribute(key, Operator.EXISTS, List.of("true"), false, false));
		}
		return new Rule(name, conditions, Rule.Serve.ROLLOUT, null, Math.min(100.0, value), variants, true, bucketing,
				forVariants);
	}

	/**
	 * Returns a rollout percentage as Unleash applies it: a context is in when its bucket
	 * (1 to 100) is at most the percentage, so only the whole part counts.
	 */
	private static @Nullable Double percentage(@Nullable String value) {
		BigDecimal number = (value != null) ? Operands.decimal(value) : null;
		return (number != null) ? number.max(BigDecimal.ZERO)
			.min(BigDecimal.valueOf(100))
			.setScale(0, java.math.RoundingMode.FLOOR)
			.doubleValue() : null;
	}

	private static List<String> split(@Nullable String list) {
		List<String> items = new ArrayList<>();
		if (list != null) {
			for (String item : list.split(",")) {
				if (!item.isBlank()) {
					items.add(item.trim());
				}
			}
		}
		return items;
	}

}
