package io.flagstaff.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.flagstaff.internal.Durations;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the model as a native document tree, leaving out every field that holds its
 * default, so that reading the tree back gives an equal model.
 */
final class NativeWriter {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private NativeWriter() {
	}

	static ObjectNode document(FeatureSet set) {
		ObjectNode root = NODES.objectNode();
		root.put("version", 1);
		if (!set.segments().isEmpty()) {
			ObjectNode segments = root.putObject("segments");
			set.segments().forEach((name, conditions) -> segments.set(name, conditions(conditions)));
		}
		ObjectNode features = root.putObject("features");
		set.features().forEach((key, feature) -> features.set(key, feature(feature)));
		return root;
	}

	static ObjectNode feature(FeatureDefinition feature) {
		ObjectNode node = NODES.objectNode();
		putIfSet(node, "description", feature.description());
		putIfSet(node, "owner", feature.owner());
		if (feature.type() != FeatureType.RELEASE) {
			node.put("type", feature.type().configName());
		}
		putIfSet(node, "expires", feature.expires());
		if (!feature.enabled()) {
			node.put("enabled", false);
		}
		putStrings(node, "environments", feature.environments());
		if (feature.schedule() != null) {
			ObjectNode schedule = node.putObject("schedule");
			putIfSet(schedule, "from", feature.schedule().from());
			putIfSet(schedule, "until", feature.schedule().until());
		}
		if (!feature.requires().isEmpty()) {
			ArrayNode requires = node.putArray("requires");
			feature.requires().forEach((prerequisite) -> requires.add(prerequisite(prerequisite)));
		}
		putStrings(node, "allow", feature.allow());
		putStrings(node, "deny", feature.deny());
		if (!feature.rules().isEmpty()) {
			ArrayNode rules = node.putArray("rules");
			feature.rules().forEach((rule) -> rules.add(rule(rule)));
		}
		if (feature.rollout() != null) {
			node.set("rollout", percentage(feature.rollout()));
		}
		if (!feature.bucketing().equals(Bucketing.DEFAULT)) {
			node.set("bucketing", bucketing(feature.bucketing()));
		}
		if (!feature.variants().isEmpty()) {
			node.set("variants", variants(feature.variants()));
		}
		if (feature.health() != null) {
			node.set("health", health(feature.health()));
		}
		if (feature.track()) {
			node.put("track", true);
		}
		if (!feature.metadata().isEmpty()) {
			ObjectNode metadata = node.putObject("metadata");
			feature.metadata().forEach((name, value) -> metadata.set(name, value(value)));
		}
		if (feature.killed() != null) {
			ObjectNode killed = node.putObject("killed");
			killed.put("by", feature.killed().actor());
			killed.put("reason", feature.killed().reason());
			killed.put("at", feature.killed().at().toString());
		}
		return node;
	}

	private static JsonNode prerequisite(Prerequisite prerequisite) {
		if (prerequisite.enabled() && prerequisite.variants().isEmpty() && prerequisite.environment() == null) {
			return NODES.stringNode(prerequisite.feature());
		}
		ObjectNode node = NODES.objectNode();
		node.put("feature", prerequisite.feature());
		if (!prerequisite.enabled()) {
			node.put("enabled", false);
		}
		putStrings(node, "variants", prerequisite.variants());
		putIfSet(node, "environment", prerequisite.environment());
		return node;
	}

	private static JsonNode rule(Rule rule) {
		ObjectNode node = NODES.objectNode();
		putIfSet(node, "name", rule.name());
		if (!rule.when().isEmpty()) {
			node.set("when", conditions(rule.when()));
		}
		switch (rule.serve()) {
			case ON -> node.put("serve", "on");
			case OFF -> node.put("serve", "off");
			case VARIANT -> node.put("variant", rule.variant());
			case ROLLOUT -> node.set("rollout", percentage(Objects.requireNonNull(rule.rollout(), "rollout")));
		}
		if (rule.fallthrough()) {
			node.put("fallthrough", true);
		}
		if (!rule.variants().isEmpty()) {
			node.set("variants", variants(rule.variants()));
		}
		if (rule.bucketing() != null) {
			node.set("bucketing", bucketing(rule.bucketing()));
		}
		if (rule.variantBucketing() != null) {
			node.set("variantBucketing", bucketing(rule.variantBucketing()));
		}
		return node;
	}

	static ArrayNode conditions(List<Condition> conditions) {
		ArrayNode array = NODES.arrayNode();
		for (Condition condition : conditions) {
			ObjectNode node = array.addObject();
			if (condition instanceof Condition.Segment segment) {
				node.put("segment", segment.segment());
			}
			else if (condition instanceof Condition.Attribute attribute) {
				node.put("attribute", attribute.attribute());
				String key = attribute.operator().configName()
						+ (attribute.ignoreCase() ? ConditionReader.IGNORE_CASE : "");
				node.set(key, operand(attribute));
			}
			if (condition.negate()) {
				node.put("not", true);
			}
		}
		return array;
	}

	private static JsonNode operand(Condition.Attribute attribute) {
		Operator operator = attribute.operator();
		List<String> values = attribute.values();
		if (operator == Operator.EXISTS) {
			return NODES.booleanNode(Boolean.parseBoolean(values.get(0)));
		}
		if (operator == Operator.IS_TRUE || operator == Operator.IS_FALSE) {
			return NODES.booleanNode(true);
		}
		if (ConditionReader.multiValued(operator)) {
			ArrayNode array = NODES.arrayNode();
			values.forEach(array::add);
			return array;
		}
		String value = values.get(0);
		if (ConditionReader.numeric(operator)) {
			try {
				BigDecimal number = new BigDecimal(value);
				if (number.toString().equals(value)) {
					return NODES.numberNode(number);
				}
			}
			catch (NumberFormatException ex) {
				// written as text
			}
		}
		return NODES.stringNode(value);
	}

	private static JsonNode percentage(Double percentage) {
		double value = percentage;
		if (value == Math.rint(value)) {
			return NODES.numberNode((long) value);
		}
		return NODES.numberNode(BigDecimal.valueOf(value));
	}

	private static JsonNode bucketing(Bucketing bucketing) {
		ObjectNode node = NODES.objectNode();
		if (bucketing.scheme() != BucketingScheme.DEFAULT) {
			node.put("scheme", bucketing.scheme().configName());
		}
		putIfSet(node, "by", bucketing.bucketBy());
		putIfSet(node, "salt", bucketing.salt());
		putStrings(node, "fallback", bucketing.fallback());
		return node;
	}

	private static JsonNode variants(List<VariantDefinition> variants) {
		ObjectNode node = NODES.objectNode();
		for (VariantDefinition variant : variants) {
			if (variant.value() == null && variant.overrides().isEmpty()) {
				node.put(variant.name(), variant.weight());
			}
			else {
				ObjectNode entry = node.putObject(variant.name());
				entry.put("weight", variant.weight());
				if (variant.value() != null) {
					entry.set("value", value(variant.value()));
				}
				if (!variant.overrides().isEmpty()) {
					entry.set("overrides", conditions(variant.overrides()));
				}
			}
		}
		return node;
	}

	private static JsonNode health(HealthPolicy health) {
		ObjectNode node = NODES.objectNode();
		if (health.maxErrors() != null) {
			node.put("maxErrors", health.maxErrors());
		}
		if (health.window() != null) {
			node.put("window", Durations.format(health.window()));
		}
		if (health.maxFailureRate() != null) {
			node.set("maxFailureRate", NODES.numberNode(BigDecimal.valueOf(health.maxFailureRate())));
		}
		if (health.minCalls() != null) {
			node.put("minCalls", health.minCalls());
		}
		if (health.latencyBaseline() != null) {
			node.put("latencyBaseline", Durations.format(health.latencyBaseline()));
		}
		if (health.maxSlowCalls() != null) {
			node.put("maxSlowCalls", health.maxSlowCalls());
		}
		if (health.maxTrafficDrop() != null) {
			node.set("maxTrafficDrop", NODES.numberNode(BigDecimal.valueOf(health.maxTrafficDrop())));
		}
		if (health.scope() != HealthPolicy.Scope.FEATURE) {
			node.put("scope", HealthReader.scopeName(health.scope()));
		}
		return node;
	}

	private static JsonNode value(FeatureValue value) {
		if (value instanceof FeatureValue.Text text) {
			return NODES.stringNode(text.value());
		}
		if (value instanceof FeatureValue.Num num) {
			return NODES.numberNode(num.value());
		}
		if (value instanceof FeatureValue.Bool bool) {
			return NODES.booleanNode(bool.value());
		}
		return ((FeatureValue.Json) value).value();
	}

	/**
	 * Writes a value as text ({@code toString()}: dates and instants in ISO-8601) unless
	 * it is {@code null}.
	 */
	private static void putIfSet(ObjectNode node, String name, @org.jspecify.annotations.Nullable Object value) {
		if (value != null) {
			node.put(name, value.toString());
		}
	}

	private static void putStrings(ObjectNode node, String name, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(name);
			values.forEach(array::add);
		}
	}

}
