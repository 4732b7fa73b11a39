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
import java.util.Set;

import io.flagstaff.internal.DidYouMean;
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
 * the native evaluator gives the answers of the legacy {@code is_enabled} cascade. What
 * the legacy code accepts is read as it reads it (an empty list matches nothing, unknown
 * keys and metadata are ignored, numbers compare as Python compares them); what looks
 * like a mistake is a warning with its legacy path ({@code f.regions}). What would make
 * the legacy code fail (a list that is not one, a percentage that is text) is a problem
 * with its legacy path, and the document is not read.
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

	/** Matches only a context without attributes: what an empty legacy list matches. */
	private static final Condition EMPTY_CONTEXT = new Condition.Attribute("*", Operator.EXISTS, List.of("false"),
			false, false);

	/**
	 * The legacy setting a native path of a converted flag comes from, most specific
	 * first.
	 */
	private static final String[][] NATIVE_TO_LEGACY = { { ".requires", ".depends_on" },
			{ ".schedule", ".activation_date" }, { ".health.latencyBaseline", ".performance_baseline" },
			{ ".health", ".error_threshold" }, { ".allow", ".users" }, { ".environments", ".environments" } };

	private final NodeReader reader;

	private final Problems problems;

	private final LegacyOptions options;

	LegacyReader(Problems problems, LegacyOptions options) {
		this.reader = new NodeReader(problems);
		this.problems = problems;
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
		if (!this.problems.isEmpty()) {
			return null;
		}
		features.replaceAll((key, feature) -> withoutMissingDependencies(feature, features));
		return new FeatureSet(Map.of(), features);
	}

	/**
	 * Returns a problem the compiler found in a converted set with the legacy path of the
	 * setting it comes from ({@code f.depends_on} for {@code features.f.requires}).
	 */
	static ConfigProblem legacyPath(ConfigProblem problem, Set<String> keys) {
		for (String key : keys) {
			String prefix = "features." + key;
			if (problem.path().equals(prefix) || problem.path().startsWith(prefix + ".")) {
				String rest = problem.path().substring(prefix.length());
				for (String[] pair : NATIVE_TO_LEGACY) {
					if (rest.startsWith(pair[0])) {
						return new ConfigProblem(key + pair[1], problem.message());
					}
				}
				return new ConfigProblem(key, problem.message());
			}
		}
		return problem;
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
		int before = this.problems.size();
		String path = key;
		if (key.isBlank()) {
			this.reader.problem("(document)", "has a flag named '" + key
					+ "'; a flag name must not be blank (native documents and stores cannot hold it): name it");
			return null;
		}
		if (!this.reader.isMap(node, path, "legacy settings such as { \"active\": true, \"regions\": [\"US\"] }")) {
			return null;
		}
		unknownKeys(node, path);
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
		builder.health(health(node, path, builder));
		if (node.has("depends_on")) {
			builder.requires(dependencies(node.get("depends_on"), Problems.child(path, "depends_on"), builder));
		}
		if (node.has("users")) {
			builder.allow(strings(node.get("users"), Problems.child(path, "users")));
		}
		targeting(builder, key, node, path);
		return (this.problems.size() > before) ? null : builder.build();
	}

	/**
	 * Warns of each key the legacy code ignores; refuses a flag made only of such keys,
	 * which is more likely a native document without {@code version: 1}.
	 */
	private void unknownKeys(JsonNode node, String path) {
		int known = 0;
		for (String name : node.propertyNames()) {
			if (LEGACY_FIELDS.contains(name)) {
				known++;
				continue;
			}
			List<String> closest = DidYouMean.closest(name, LEGACY_FIELDS);
			this.problems.warn(Problems.child(path, name),
					"unknown key '" + name + "', ignored as the legacy system ignores it"
							+ (closest.isEmpty() ? "" : "; did you mean '" + closest.get(0) + "'?"));
		}
		if (known == 0 && !node.isEmpty()) {
			this.reader.problem(path, "has none of the legacy settings (" + String.join(", ", LEGACY_FIELDS)
					+ "); for a native document, start it with version: 1");
		}
	}

	private void targeting(FeatureDefinition.Builder builder, String key, JsonNode node, String path) {
		List<Condition> when = new ArrayList<>();
		if (node.has("regions")) {
			when.add(in(REGION, strings(node.get("regions"), Problems.child(path, "regions"))));
		}
		if (node.has("account_types")) {
			when.add(in(ACCOUNT_TYPE, strings(node.get("account_types"), Problems.child(path, "account_types"))));
		}
		if (node.has("beta_program") && truthy(node.get("beta_program"), Problems.child(path, "beta_program"))) {
			when.add(new Condition.Attribute(BETA_PROGRAM, Operator.IS_TRUE, List.of(), false, false));
		}
		Double percentage = node.has("percentage_rollout")
				? percentage(node.get("percentage_rollout"), Problems.child(path, "percentage_rollout")) : null;
		if (when.isEmpty() && percentage == null) {
			return;
		}
		Rule emptyContext = new Rule(EMPTY_CONTEXT_RULE, List.of(EMPTY_CONTEXT), Rule.Serve.ON, null, null, List.of(),
				false, null);
		Rule targeting = (percentage != null)
				? new Rule(TARGETING_RULE, when, Rule.Serve.ROLLOUT, null, percentage, List.of(), false, null)
				: new Rule(TARGETING_RULE, when, Rule.Serve.ON, null, null, List.of(), false, null);
		builder.rules(List.of(emptyContext, targeting));
		builder.rollout(0.0);
		builder.bucketing(new Bucketing(BucketingScheme.LEGACY_SHA256, null, key));
	}

	/**
	 * {@code value in list}: an empty legacy list holds no value, so only a context
	 * without attributes (served by the rule before) would pass.
	 */
	private static Condition in(String attribute, List<String> values) {
		return values.isEmpty() ? EMPTY_CONTEXT : new Condition.Attribute(attribute, Operator.IN, values, false, false);
	}

	/**
	 * The legacy rollout is on when {@code sha256(...) % 100 < percentage}; with whole
	 * buckets that is the same as {@code bucket < ceil(percentage)}, clamped to 0..100.
	 */
	private @Nullable Double percentage(JsonNode node, String path) {
		BigDecimal number = number(node, path);
		if (number == null) {
			return null;
		}
		BigDecimal clamped = number.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
		return clamped.setScale(0, RoundingMode.CEILING).doubleValue();
	}

	private @Nullable HealthPolicy health(JsonNode node, String path, FeatureDefinition.Builder builder) {
		Integer maxErrors = node.has("error_threshold")
				? trips(node.get("error_threshold"), Problems.child(path, "error_threshold"), builder) : null;
		Duration baseline = node.has("performance_baseline")
				? baseline(node.get("performance_baseline"), Problems.child(path, "performance_baseline")) : null;
		Integer maxSlowCalls = null;
		if (node.has("performance_threshold")) {
			Integer trips = trips(node.get("performance_threshold"), Problems.child(path, "performance_threshold"),
					builder);
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
	 * A call is slow when it takes longer than the baseline (in seconds). At or below
	 * zero (or below a nanosecond) every call is slow; beyond {@link Limits#MAX_DURATION}
	 * none is, so the check is left out.
	 */
	private @Nullable Duration baseline(JsonNode node, String path) {
		BigDecimal seconds = number(node, path);
		if (seconds == null) {
			return null;
		}
		BigDecimal nanos = seconds.movePointRight(9);
		if (nanos.compareTo(BigDecimal.ONE) < 0) {
			this.problems.warn(path,
					"is " + NodeReader.show(seconds) + " seconds: every call counts as slow, as in the legacy system");
			return Duration.ofNanos(1);
		}
		if (nanos.compareTo(BigDecimal.valueOf(Limits.MAX_DURATION.toNanos())) > 0) {
			this.problems.warn(path, "is " + NodeReader.show(seconds)
					+ " seconds, longer than any call: the performance check never trips, as in the legacy system");
			return null;
		}
		return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

	/**
	 * The legacy code switches off when a count exceeds the threshold: the first tripping
	 * count. Below zero the count (0 at start) already exceeds it: the flag is off.
	 */
	private @Nullable Integer trips(JsonNode node, String path, FeatureDefinition.Builder builder) {
		BigDecimal threshold = number(node, path);
		if (threshold == null) {
			return null;
		}
		if (threshold.signum() < 0) {
			this.problems.warn(path, "is below 0, so the flag is off before any call, as in the legacy system");
			builder.enabled(false);
			return null;
		}
		BigDecimal limit = BigDecimal.valueOf(Integer.MAX_VALUE);
		return (threshold.compareTo(limit) >= 0) ? Integer.MAX_VALUE
				: threshold.setScale(0, RoundingMode.FLOOR).intValueExact() + 1;
	}

	/** A number as Python compares it: {@code true} is 1 and {@code false} is 0. */
	private @Nullable BigDecimal number(JsonNode node, String path) {
		if (node.isBoolean()) {
			return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		if (!node.isNumber()) {
			this.reader.problem(path, "must be a number (the legacy system fails comparing anything else), was "
					+ NodeReader.describe(node));
			return null;
		}
		return node.decimalValue();
	}

	private @Nullable Instant activation(JsonNode node, String path) {
		Instant instant = node.isString() ? instant(node.asString().trim().replace(' ', 'T')) : null;
		if (instant == null) {
			this.reader.problem(path,
					"must be an ISO date-time such as 2022-12-25T00:00:00, was " + NodeReader.describe(node));
			return null;
		}
		String range = Limits.instantProblem(instant);
		if (range != null) {
			this.reader.problem(path, range);
			return null;
		}
		return instant;
	}

	private @Nullable Instant instant(String text) {
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
			return null;
		}
	}

	/**
	 * The flags a flag depends on; an element that is not a flag name is a flag that does
	 * not exist, so the flag is off, as in the legacy code.
	 */
	private List<Prerequisite> dependencies(JsonNode node, String path, FeatureDefinition.Builder builder) {
		List<Prerequisite> requires = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path, "must be a list such as [\"a\", \"b\"], was " + NodeReader.describe(node));
			return requires;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			if (element.isString()) {
				requires.add(new Prerequisite(element.asString(), true, List.of(), PRODUCTION));
			}
			else {
				this.problems.warn(Problems.index(path, i), "is " + NodeReader.describe(element)
						+ ", not the name of a flag: the flag is off, as in the legacy system");
				builder.enabled(false);
			}
			i++;
		}
		return requires;
	}

	/**
	 * The values of a legacy list; an element that can never equal a context value (null,
	 * a list, a mapping, a boolean) is left out with a warning.
	 */
	private List<String> strings(JsonNode node, String path) {
		List<String> values = new ArrayList<>();
		if (!node.isArray()) {
			this.reader.problem(path, "must be a list such as [\"a\", \"b\"], was " + NodeReader.describe(node));
			return values;
		}
		int i = 0;
		for (JsonNode element : node.values()) {
			if (element.isString()) {
				values.add(element.asString());
			}
			else if (element.isNumber()) {
				values.add(number(element.decimalValue()));
			}
			else {
				this.problems.warn(Problems.index(path, i),
						"is " + NodeReader.describe(element) + ", which no context value equals; ignored");
			}
			i++;
		}
		return values;
	}

	/** A number as the legacy code prints it: 123 for whole numbers. */
	private static String number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 30)
				? stripped.toBigInteger().toString() : NodeReader.show(stripped);
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
		if (!node.isObject()) {
			this.problems.warn(path, "is " + NodeReader.describe(node)
					+ ", not a mapping of names to values; ignored (the legacy system never reads it)");
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
				try {
					metadata.put(entry.getKey(), FeatureValue.of(value));
				}
				catch (IllegalArgumentException ex) {
					this.problems.warn(Problems.child(path, entry.getKey()),
							ex.getMessage() + "; ignored (the legacy system never reads metadata)");
				}
			}
		}
		builder.metadata(metadata);
	}

}
