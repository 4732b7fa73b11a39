package io.flagstaff.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Converts a legacy {@code features_config.json} document into the native model so that
 * the native evaluator gives the answers of the legacy {@code is_enabled} cascade.
 */
final class LegacyReader {

	static final List<String> LEGACY_FIELDS = List.of("active", "regions", "percentage_rollout", "users",
			"account_types", "beta_program", "activation_date", "error_threshold", "environments",
			"performance_baseline", "performance_threshold", "depends_on", "metadata");

	/** The context attribute the legacy {@code region} key maps to. */
	static final String REGION = "region";

	/** The context attribute the legacy {@code account_type} key maps to. */
	static final String ACCOUNT_TYPE = "accountType";

	/** The context attribute the legacy {@code beta_program} key maps to. */
	static final String BETA_PROGRAM = "betaProgram";

	/** The environment in which the legacy code evaluates dependencies. */
	static final String PRODUCTION = "production";

	/** The name of the rule that serves a context without attributes. */
	static final String EMPTY_CONTEXT_RULE = "legacy-empty-context";

	/**
	 * The name of the rule holding regions, account types, beta program and percentage.
	 */
	static final String TARGETING_RULE = "legacy-targeting";

	private final NodeReader reader;

	private final LegacyOptions options;

	LegacyReader(Problems problems, LegacyOptions options) {
		this.reader = new NodeReader(problems);
		this.options = options;
	}

	@Nullable FeatureSet document(JsonNode root) {
		if (!this.reader.isMap(root, "(document)", "flag names to legacy flag settings")) {
			return null;
		}
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			FeatureDefinition feature = feature(entry.getKey(), entry.getValue());
			if (feature != null) {
				features.put(entry.getKey(), feature);
			}
		}
		if (!this.reader.problems().isEmpty()) {
			return null;
		}
		features.replaceAll((key, feature) -> withoutMissingDependencies(feature, features));
		return new FeatureSet(Map.of(), features);
	}

	/**
	 * A dependency missing from the document is never active: the dependent flag is off.
	 */
	private static FeatureDefinition withoutMissingDependencies(FeatureDefinition feature,
			Map<String, FeatureDefinition> features) {
		List<Prerequisite> known = new ArrayList<>();
		for (Prerequisite prerequisite : feature.requires()) {
			if (features.containsKey(prerequisite.feature())) {
				known.add(prerequisite);
			}
		}
		if (known.size() == feature.requires().size()) {
			return feature;
		}
		return feature.toBuilder().enabled(false).requires(known).build();
	}

	private @Nullable FeatureDefinition feature(String key, JsonNode node) {
		int before = this.reader.problems().size();
		String path = key;
		if (!this.reader.object(node, path, LEGACY_FIELDS)) {
			return null;
		}
		FeatureDefinition.Builder builder = FeatureDefinition.builder(key);
		boolean active = node.has("active") && truthy(node.get("active"), Problems.child(path, "active"));
		builder.enabled(active);
		metadata(builder, node.get("metadata"), Problems.child(path, "metadata"));
		if (node.size() == 1 && node.has("active")) {
			return builder.build();
		}
		if (node.has("activation_date")) {
			Instant from = activation(node.get("activation_date"), Problems.child(path, "activation_date"));
			builder.schedule((from != null) ? new Schedule(from, null) : null);
		}
		if (node.has("environments")) {
			List<String> environments = strings(node.get("environments"), Problems.child(path, "environments"));
			builder.environments(environments);
			if (environments.isEmpty()) {
				builder.enabled(false);
			}
		}
		builder.health(health(node, path));
		if (node.has("depends_on")) {
			List<Prerequisite> requires = new ArrayList<>();
			for (String dependency : strings(node.get("depends_on"), Problems.child(path, "depends_on"))) {
				requires.add(new Prerequisite(dependency, true, List.of(), PRODUCTION));
			}
			builder.requires(requires);
		}
		if (node.has("users")) {
			builder.allow(strings(node.get("users"), Problems.child(path, "users")));
		}
		targeting(builder, key, node, path);
		return (this.reader.problems().size() > before) ? null : builder.build();
	}

	private void targeting(FeatureDefinition.Builder builder, String key, JsonNode node, String path) {
		List<Condition> when = new ArrayList<>();
		if (node.has("regions")) {
			when.add(new Condition.Attribute(REGION, Operator.IN,
					strings(node.get("regions"), Problems.child(path, "regions")), false, false));
		}
		if (node.has("account_types")) {
			when.add(new Condition.Attribute(ACCOUNT_TYPE, Operator.IN,
					strings(node.get("account_types"), Problems.child(path, "account_types")), false, false));
		}
		if (node.has("beta_program") && truthy(node.get("beta_program"), Problems.child(path, "beta_program"))) {
			when.add(new Condition.Attribute(BETA_PROGRAM, Operator.IS_TRUE, List.of(), false, false));
		}
		Double percentage = node.has("percentage_rollout")
				? percentage(node.get("percentage_rollout"), Problems.child(path, "percentage_rollout")) : null;
		if (when.isEmpty() && percentage == null) {
			return;
		}
		Rule emptyContext = new Rule(EMPTY_CONTEXT_RULE,
				List.of(new Condition.Attribute("*", Operator.EXISTS, List.of("false"), false, false)), Rule.Serve.ON,
				null, null, List.of(), false, null);
		Rule targeting = (percentage != null)
				? new Rule(TARGETING_RULE, when, Rule.Serve.ROLLOUT, null, percentage, List.of(), false, null)
				: new Rule(TARGETING_RULE, when, Rule.Serve.ON, null, null, List.of(), false, null);
		builder.rules(List.of(emptyContext, targeting));
		builder.rollout(0.0);
		builder.bucketing(new Bucketing(BucketingScheme.LEGACY_SHA256, null, key));
	}

	/**
	 * The legacy rollout is on when {@code sha256(...) % 100 < percentage}; with whole
	 * buckets that is the same as {@code bucket < ceil(percentage)}, clamped to 0..100.
	 */
	private @Nullable Double percentage(JsonNode node, String path) {
		BigDecimal number = this.reader.number(node, path);
		if (number == null) {
			return null;
		}
		BigDecimal whole = number.setScale(0, RoundingMode.CEILING);
		return Math.max(0, Math.min(100, whole.doubleValue()));
	}

	private @Nullable HealthPolicy health(JsonNode node, String path) {
		Integer maxErrors = null;
		if (node.has("error_threshold")) {
			maxErrors = trips(node.get("error_threshold"), Problems.child(path, "error_threshold"));
		}
		Duration baseline = null;
		if (node.has("performance_baseline")) {
			BigDecimal seconds = this.reader.number(node.get("performance_baseline"),
					Problems.child(path, "performance_baseline"));
			if (seconds != null) {
				if (seconds.signum() <= 0) {
					this.reader.problem(Problems.child(path, "performance_baseline"),
							"must be above 0 seconds, was " + seconds.toPlainString());
				}
				else {
					baseline = Duration
						.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValue());
				}
			}
		}
		Integer maxSlowCalls = null;
		if (node.has("performance_threshold")) {
			Integer trips = trips(node.get("performance_threshold"), Problems.child(path, "performance_threshold"));
			// Without a baseline the legacy code never counts a slow call, so the
			// threshold never trips.
			maxSlowCalls = (baseline != null) ? trips : null;
		}
		if (maxErrors == null && baseline == null) {
			return null;
		}
		return new HealthPolicy(maxErrors, this.options.healthWindow(), null, null, baseline, maxSlowCalls, null,
				HealthPolicy.Scope.FEATURE);
	}

	/**
	 * The legacy code switches off when a count exceeds the threshold: the first tripping
	 * count.
	 */
	private @Nullable Integer trips(JsonNode node, String path) {
		BigDecimal threshold = this.reader.number(node, path);
		if (threshold == null) {
			return null;
		}
		if (threshold.signum() < 0) {
			this.reader.problem(path, "must not be negative, was " + threshold.toPlainString());
			return null;
		}
		BigDecimal trips = threshold.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
		return (trips.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) ? Integer.MAX_VALUE : trips.intValue();
	}

	private @Nullable Instant activation(JsonNode node, String path) {
		if (node.isString()) {
			String text = node.asString().trim().replace(' ', 'T');
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				// next form
			}
			try {
				return LocalDateTime.parse(text).atZone(this.options.zone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// next form
			}
			try {
				return LocalDate.parse(text).atStartOfDay(this.options.zone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		this.reader.problem(path,
				"must be an ISO date-time such as 2022-12-25T00:00:00, was " + NodeReader.describe(node));
		return null;
	}

	private List<String> strings(JsonNode node, String path) {
		List<String> values = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path, "must be a list such as [\"a\", \"b\"], was " + NodeReader.describe(node));
			return values;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			String elementPath = Problems.index(path, i++);
			if (element.isString()) {
				values.add(element.asString());
			}
			else if (element.isNumber()) {
				values.add(number(element.decimalValue()));
			}
			else {
				this.reader.problem(elementPath, "must be a string or number, was " + NodeReader.describe(element));
			}
		}
		return values;
	}

	/** A number as the legacy code prints it: 123 for whole numbers. */
	private static String number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() <= 0) ? stripped.toBigInteger().toString() : stripped.toPlainString();
	}

	/** Python truthiness of a JSON value. */
	private boolean truthy(JsonNode node, String path) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNull()) {
			return false;
		}
		if (node.isNumber()) {
			return node.decimalValue().signum() != 0;
		}
		if (node.isString()) {
			return !node.asString().isEmpty();
		}
		if (node.isArray() || node.isObject()) {
			return node.size() > 0;
		}
		this.reader.problem(path, "must be true or false, was " + NodeReader.describe(node));
		return false;
	}

	private void metadata(FeatureDefinition.Builder builder, @Nullable JsonNode node, String path) {
		if (node == null) {
			return;
		}
		if (!this.reader.isMap(node, path, "names to values")) {
			return;
		}
		Map<String, FeatureValue> metadata = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (entry.getKey().equals("description") && value.isString() && !value.asString().isBlank()) {
				builder.description(value.asString());
			}
			else if (entry.getKey().equals("owner") && value.isString() && !value.asString().isBlank()) {
				builder.owner(value.asString());
			}
			else {
				metadata.put(entry.getKey(), FeatureValue.of(value));
			}
		}
		builder.metadata(metadata);
	}

}
