package io.flagstaff.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import io.flagstaff.internal.DidYouMean;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one flag of the native format, reporting every structural problem.
 */
final class FeatureReader {

	static final List<String> FEATURE_FIELDS = List.of("description", "owner", "type", "expires", "enabled",
			"environments", "schedule", "requires", "allow", "deny", "rules", "rollout", "bucketing", "variants",
			"health", "track", "metadata", "killed");

	static final List<String> RULE_FIELDS = List.of("name", "when", "serve", "variant", "rollout", "fallthrough",
			"variants", "bucketing", "variantBucketing");

	static final List<String> SCHEDULE_FIELDS = List.of("from", "until");

	static final List<String> PREREQUISITE_FIELDS = List.of("feature", "enabled", "variants", "environment");

	static final List<String> BUCKETING_FIELDS = List.of("scheme", "by", "salt", "fallback");

	static final List<String> VARIANT_FIELDS = List.of("weight", "value", "overrides");

	static final List<String> KILLED_FIELDS = List.of("by", "reason", "at");

	private final NodeReader reader;

	private final ConditionReader conditions;

	private final HealthReader health;

	FeatureReader(NodeReader reader) {
		this.reader = reader;
		this.conditions = new ConditionReader(reader);
		this.health = new HealthReader(reader);
	}

	ConditionReader conditions() {
		return this.conditions;
	}

	/**
	 * Reads a flag.
	 * @return the flag, or {@code null} when it has problems (already reported)
	 */
	@Nullable FeatureDefinition feature(String key, JsonNode node, String path) {
		int before = this.reader.problems().size();
		if (key.isBlank()) {
			this.reader.problem(path, "a flag key must not be blank");
		}
		if (!this.reader.object(node, path, FEATURE_FIELDS)) {
			return null;
		}
		FeatureDefinition.Builder builder = FeatureDefinition.builder(key);
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			read(builder, field.getKey(), field.getValue(), Problems.child(path, field.getKey()));
		}
		if (this.reader.problems().size() > before) {
			return null;
		}
		return builder.build();
	}

	private void read(FeatureDefinition.Builder builder, String name, JsonNode value, String path) {
		switch (name) {
			case "description" -> builder.description(this.reader.text(value, path));
			case "owner" -> builder.owner(this.reader.text(value, path));
			case "type" -> {
				FeatureType type = type(value, path);
				if (type != null) {
					builder.type(type);
				}
			}
			case "expires" -> builder.expires(this.reader.date(value, path));
			case "enabled" -> {
				Boolean enabled = this.reader.bool(value, path);
				builder.enabled(enabled == null || enabled);
			}
			case "environments" -> builder.environments(this.reader.scalarList(value, path));
			case "schedule" -> builder.schedule(schedule(value, path));
			case "requires" -> builder.requires(requires(value, path));
			case "allow" -> builder.allow(this.reader.scalarList(value, path));
			case "deny" -> builder.deny(this.reader.scalarList(value, path));
			case "rules" -> builder.rules(rules(value, path));
			case "rollout" -> builder.rollout(this.reader.percentage(value, path));
			case "bucketing" -> {
				Bucketing bucketing = bucketing(value, path);
				if (bucketing != null) {
					builder.bucketing(bucketing);
				}
			}
			case "variants" -> builder.variants(variants(value, path));
			case "health" -> builder.health(this.health.policy(value, path));
			case "track" -> {
				Boolean track = this.reader.bool(value, path);
				builder.track(track != null && track);
			}
			case "metadata" -> builder.metadata(metadata(value, path));
			case "killed" -> builder.killed(killed(value, path));
			default -> {
				// unknown fields were reported by NodeReader.object
			}
		}
	}

	private @Nullable FeatureType type(JsonNode node, String path) {
		String text = this.reader.text(node, path);
		if (text == null) {
			return null;
		}
		FeatureType type = FeatureType.fromConfigName(text);
		if (type == null) {
			this.reader.problem(path,
					unknownValue(text, Arrays.stream(FeatureType.values()).map(FeatureType::configName).toList()));
		}
		return type;
	}

	static String unknownValue(String value, List<String> allowed) {
		List<String> closest = DidYouMean.closest(value, allowed);
		return "must be one of " + String.join(", ", allowed) + ", was '" + value + "'"
				+ (closest.isEmpty() ? "" : "; did you mean '" + closest.get(0) + "'?");
	}

	private @Nullable Schedule schedule(JsonNode node, String path) {
		if (!this.reader.object(node, path, SCHEDULE_FIELDS)) {
			return null;
		}
		Instant from = this.reader.field(node, path, "from", this.reader::instant);
		Instant until = this.reader.field(node, path, "until", this.reader::instant);
		if (!node.has("from") && !node.has("until") && node.isEmpty()) {
			this.reader.problem(path, "needs from, until or both; remove the schedule to be always on");
			return null;
		}
		if (from != null && until != null && !from.isBefore(until)) {
			this.reader.problem(path, "from (" + from + ") must be before until (" + until + ")");
			return null;
		}
		return new Schedule(from, until);
	}

	private List<Prerequisite> requires(JsonNode node, String path) {
		List<Prerequisite> requires = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path,
					"must be a list of flags such as [new-ui] or [ { feature: new-ui, variants: [blue] } ], was "
							+ NodeReader.describe(node));
			return requires;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			String elementPath = Problems.index(path, i++);
			if (element.isString()) {
				String feature = this.reader.text(element, elementPath);
				if (feature != null) {
					requires.add(Prerequisite.on(feature));
				}
				continue;
			}
			if (!this.reader.object(element, elementPath, PREREQUISITE_FIELDS)) {
				continue;
			}
			if (!element.has("feature")) {
				this.reader.problem(Problems.child(elementPath, "feature"),
						"is required: name the flag this one needs");
				continue;
			}
			String feature = this.reader.field(element, elementPath, "feature", this.reader::text);
			Boolean enabled = element.has("enabled")
					? this.reader.field(element, elementPath, "enabled", this.reader::bool) : Boolean.TRUE;
			List<String> variants = Objects.requireNonNullElse(
					this.reader.field(element, elementPath, "variants", this.reader::scalarList), List.of());
			if (Boolean.FALSE.equals(enabled) && !variants.isEmpty()) {
				this.reader.problem(elementPath,
						"requires variants of a flag that must be off; remove enabled: false " + "or the variants");
				continue;
			}
			String environment = this.reader.field(element, elementPath, "environment", this.reader::text);
			if (element.has("environment") && environment == null) {
				continue;
			}
			if (feature != null && enabled != null) {
				requires.add(new Prerequisite(feature, enabled, variants, environment));
			}
		}
		return requires;
	}

	private List<Rule> rules(JsonNode node, String path) {
		List<Rule> rules = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path,
					"must be a list of rules such as [ { when: [...], serve: on } ], was " + NodeReader.describe(node));
			return rules;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			Rule rule = rule(element, Problems.index(path, i++));
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	private @Nullable Rule rule(JsonNode node, String path) {
		int before = this.reader.problems().size();
		if (!this.reader.object(node, path, RULE_FIELDS)) {
			return null;
		}
		String name = this.reader.field(node, path, "name", this.reader::text);
		List<io.flagstaff.model.Condition> when = Objects
			.requireNonNullElse(this.reader.field(node, path, "when", this.conditions::list), List.of());
		List<String> outcomes = new ArrayList<>();
		for (String outcome : List.of("serve", "variant", "rollout")) {
			if (node.has(outcome)) {
				outcomes.add(outcome);
			}
		}
		if (outcomes.size() != 1) {
			this.reader.problem(path, outcomes.isEmpty()
					? "needs what to serve: serve: on, serve: off, variant: <name> or rollout: <percentage>"
					: "has " + String.join(" and ", outcomes) + "; keep exactly one of serve, variant or rollout");
		}
		Rule.Serve serve = null;
		String variant = null;
		Double rollout = null;
		if (node.has("serve")) {
			serve = this.reader.field(node, path, "serve", this::serve);
		}
		else if (node.has("variant")) {
			variant = this.reader.field(node, path, "variant", this.reader::text);
			serve = Rule.Serve.VARIANT;
		}
		else if (node.has("rollout")) {
			rollout = this.reader.field(node, path, "rollout", this.reader::percentage);
			serve = Rule.Serve.ROLLOUT;
		}
		boolean fallthrough = false;
		if (node.has("fallthrough")) {
			Boolean value = this.reader.bool(node.get("fallthrough"), Problems.child(path, "fallthrough"));
			fallthrough = value != null && value;
			if (fallthrough && !node.has("rollout")) {
				this.reader.problem(Problems.child(path, "fallthrough"),
						"applies only to a rollout rule; remove it or serve a rollout");
			}
		}
		List<VariantDefinition> variants = Objects
			.requireNonNullElse(this.reader.field(node, path, "variants", this::variants), List.of());
		Bucketing bucketing = this.reader.field(node, path, "bucketing", this::bucketing);
		Bucketing variantBucketing = this.reader.field(node, path, "variantBucketing", this::bucketing);
		if (this.reader.problems().size() > before || serve == null) {
			return null;
		}
		return new Rule(name, when, serve, variant, rollout, variants, fallthrough, bucketing, variantBucketing);
	}

	private Rule.@Nullable Serve serve(JsonNode node, String path) {
		if (node.isBoolean()) {
			return node.booleanValue() ? Rule.Serve.ON : Rule.Serve.OFF;
		}
		if (node.isString() && node.asString().equals("on")) {
			return Rule.Serve.ON;
		}
		if (node.isString() && node.asString().equals("off")) {
			return Rule.Serve.OFF;
		}
		this.reader.problem(path,
				"must be on or off (use variant: <name> or rollout: <percentage> for the others), was "
						+ NodeReader.describe(node));
		return null;
	}

	@Nullable Bucketing bucketing(JsonNode node, String path) {
		if (!this.reader.object(node, path, BUCKETING_FIELDS)) {
			return null;
		}
		BucketingScheme scheme = BucketingScheme.DEFAULT;
		if (node.has("scheme")) {
			String text = this.reader.text(node.get("scheme"), Problems.child(path, "scheme"));
			if (text == null) {
				return null;
			}
			scheme = BucketingScheme.fromConfigName(text);
			if (scheme == null) {
				this.reader.problem(Problems.child(path, "scheme"), unknownValue(text,
						Arrays.stream(BucketingScheme.values()).map(BucketingScheme::configName).toList()));
				return null;
			}
		}
		String by = this.reader.field(node, path, "by", this.reader::text);
		String salt = this.reader.field(node, path, "salt", this.reader::text);
		List<String> fallback = Objects
			.requireNonNullElse(this.reader.field(node, path, "fallback", this.reader::scalarList), List.of());
		return new Bucketing(scheme, by, salt, fallback);
	}

	List<VariantDefinition> variants(JsonNode node, String path) {
		List<VariantDefinition> variants = new ArrayList<>();
		if (!this.reader.isMap(node, path, "variant names to weights, such as { control: 50, treatment: 50 }")) {
			return variants;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String variantPath = Problems.child(path, entry.getKey());
			JsonNode value = entry.getValue();
			Integer weight;
			FeatureValue served = null;
			List<io.flagstaff.model.Condition> overrides = List.of();
			if (value.isObject()) {
				this.reader.object(value, variantPath, VARIANT_FIELDS);
				if (!value.has("weight")) {
					this.reader.problem(Problems.child(variantPath, "weight"),
							"is required: give the variant's share, such as weight: 50");
					continue;
				}
				weight = this.reader.integer(value.get("weight"), Problems.child(variantPath, "weight"), 0);
				JsonNode valueNode = value.get("value");
				if (valueNode != null && !valueNode.isNull()) {
					served = this.reader.value(valueNode, Problems.child(variantPath, "value"));
				}
				if (value.has("overrides")) {
					overrides = this.conditions.list(value.get("overrides"), Problems.child(variantPath, "overrides"));
				}
			}
			else {
				weight = this.reader.integer(value, variantPath, 0);
			}
			if (weight != null) {
				variants.add(new VariantDefinition(entry.getKey(), weight, served, overrides));
			}
		}
		// weights that add up to 0 are the compiler's to report, for documents and code
		// alike
		return variants;
	}

	private Map<String, FeatureValue> metadata(JsonNode node, String path) {
		Map<String, FeatureValue> metadata = new LinkedHashMap<>();
		if (!this.reader.isMap(node, path, "names to values")) {
			return metadata;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			FeatureValue value = this.reader.value(entry.getValue(), Problems.child(path, entry.getKey()));
			if (value != null) {
				metadata.put(entry.getKey(), value);
			}
		}
		return metadata;
	}

	private @Nullable Kill killed(JsonNode node, String path) {
		if (!this.reader.object(node, path, KILLED_FIELDS)) {
			return null;
		}
		String by = required(node, path, "by", "who switched the flag off, such as health-guard");
		String reason = required(node, path, "reason", "why the flag was switched off");
		Instant at = required(node, path, "at", "when the flag was switched off", this.reader::instant);
		return (by != null && reason != null && at != null) ? new Kill(by, reason, at) : null;
	}

	private @Nullable String required(JsonNode node, String path, String field, String what) {
		return required(node, path, field, what, this.reader::text);
	}

	private <T> @Nullable T required(JsonNode node, String path, String field, String what,
			BiFunction<JsonNode, String, @Nullable T> read) {
		if (!node.has(field)) {
			this.reader.problem(Problems.child(path, field), "is required: " + what);
			return null;
		}
		return this.reader.field(node, path, field, read);
	}

}
