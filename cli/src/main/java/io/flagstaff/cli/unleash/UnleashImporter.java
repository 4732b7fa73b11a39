package io.flagstaff.cli.unleash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Limits;
import io.flagstaff.config.Syntax;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts an Unleash client features payload ({@code {version, features[], segments[]}},
 * as served by {@code /api/client/features}, or a list of delta events
 * {@code {events[]}}) into a native {@link FeatureSet} that evaluates like Unleash does,
 * bucketed with the {@code unleash} scheme so every user keeps their rollout bucket and
 * variant.
 * <p>
 * Each strategy becomes a rule (constraints and segments as its conditions; rollouts fall
 * through to the next rule, so strategies are OR'ed); a flag with strategies is off when
 * none matches, a flag without strategies is on. What Unleash itself can never turn on
 * (an unknown strategy, an invalid constraint value, a missing segment, an unsatisfiable
 * dependency) is imported as never on and explained in the flag's {@code importNotes}
 * metadata. Thread-safe and stateless.
 */
public final class UnleashImporter {

	/** The metadata key under which a flag's import notes are stored. */
	public static final String NOTES_KEY = "importNotes";

	/**
	 * Reads payloads as strictly as the native reader: duplicate keys are refused and the
	 * {@link Limits} hold.
	 */
	private static final ObjectMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(Limits.MAX_DOCUMENT_CHARS)
				.maxNestingDepth(Limits.MAX_NESTING_DEPTH)
				.maxNumberLength(Limits.MAX_NUMBER_DIGITS)
				.maxStringLength(Limits.MAX_STRING_CHARS)
				.maxNameLength(Limits.MAX_STRING_CHARS)
				.build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private UnleashImporter() {
	}

	/**
	 * Imports an Unleash payload read from a file (UTF-8).
	 * @param file the file, for example an export of {@code /api/client/features}
	 * @return the flags and segments
	 * @throws FeatureConfigException when the file is not an Unleash payload
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static FeatureSet importFile(Path file) {
		try {
			return importPayload(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Unleash payload " + file, ex);
		}
	}

	/**
	 * Imports an Unleash payload.
	 * @param json the payload: {@code {version, features[], segments[]}} or
	 * {@code {events[]}}
	 * @param source what was read, used in error messages
	 * @return the flags and segments, in payload order
	 * @throws FeatureConfigException when the text is not JSON or not an Unleash payload,
	 * or when the flags it describes do not pass the checks of the native reader (every
	 * problem is reported at once)
	 */
	public static FeatureSet importPayload(String json, String source) {
		if (json.length() > Limits.MAX_DOCUMENT_CHARS) {
			throw new FeatureConfigException(source, List.of(new ConfigProblem("$", "is " + json.length()
					+ " characters long; a payload may have at most " + Limits.MAX_DOCUMENT_CHARS)));
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			throw new FeatureConfigException(source, List.of(new ConfigProblem("$", "is not valid JSON" + where + " ("
					+ ex.getOriginalMessage() + "); export the payload of Unleash's /api/client/features endpoint")));
		}
		List<ConfigProblem> problems = new ArrayList<>();
		UnleashState state = UnleashState.of(root, problems);
		Map<String, List<Condition>> segments = segments(state.segments());
		Map<String, JsonNode> byName = new LinkedHashMap<>();
		for (int i = 0; i < state.features().size(); i++) {
			JsonNode feature = state.features().get(i);
			String name = Json.text(feature, "name");
			if (name == null || name.isBlank()) {
				problems.add(new ConfigProblem("features[" + i + "].name", "is missing; give every feature a name"));
			}
			else if (byName.put(name, feature) != null) {
				problems.add(new ConfigProblem("features[" + i + "].name",
						"'" + name + "' is defined twice; keep one definition"));
			}
		}
		if (!problems.isEmpty()) {
			throw new FeatureConfigException(source, problems);
		}
		StrategyMapper strategies = new StrategyMapper(MAPPER, segments.keySet());
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		byName.forEach((name, feature) -> features.put(name, feature(name, feature, byName, strategies)));
		return readableNatively(new FeatureSet(segments, features), source);
	}

	/**
	 * Returns the imported flags once they are known to read back through the native
	 * reader, so what the import accepts, a store and {@code Flagstaff} accept too (a
	 * blank group id, a regular expression over budget, a number no double holds are
	 * refused here, with the path of the native flag).
	 */
	private static FeatureSet readableNatively(FeatureSet set, String source) {
		try {
			FeatureDocuments.parseNative(FeatureDocuments.write(set, Syntax.JSON), Syntax.JSON, source);
			return set;
		}
		catch (FeatureConfigException ex) {
			throw new FeatureConfigException(source, ex.getProblems());
		}
	}

	private static Map<String, List<Condition>> segments(List<JsonNode> unleashSegments) {
		Map<String, List<Condition>> segments = new LinkedHashMap<>();
		for (JsonNode segment : unleashSegments) {
			String id = Json.text(segment, "id");
			if (id == null) {
				continue;
			}
			List<Condition> conditions = new ArrayList<>();
			boolean canMatch = true;
			for (JsonNode constraint : Json.array(segment, "constraints")) {
				ConstraintMapper.Outcome outcome = ConstraintMapper.map(constraint);
				if (outcome instanceof ConstraintMapper.Match match) {
					conditions.add(match.condition());
				}
				else if (outcome instanceof ConstraintMapper.Constant constant && !constant.result()) {
					canMatch = false;
				}
			}
			// A segment that can never match is left out: strategies using it are left
			// out too.
			if (canMatch) {
				segments.put(StrategyMapper.segmentName(id), conditions);
			}
		}
		return segments;
	}

	private static FeatureDefinition feature(String name, JsonNode feature, Map<String, JsonNode> all,
			StrategyMapper strategyMapper) {
		List<String> notes = new ArrayList<>();
		String description = Json.text(feature, "description");
		FeatureDefinition.Builder builder = FeatureDefinition.builder(name)
			.description((description != null && !description.isBlank()) ? description : null)
			.type(type(Json.text(feature, "type")))
			.enabled(Json.bool(feature, "enabled", false));
		List<JsonNode> unleashVariants = Json.array(feature, "variants");
		List<VariantDefinition> variants = VariantMapper.variants(unleashVariants, MAPPER);
		Bucketing bucketing = VariantMapper.variantBucketing(VariantMapper.stickiness(unleashVariants), null);
		List<JsonNode> strategies = Json.array(feature, "strategies");
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < strategies.size(); i++) {
			Rule rule = strategyMapper.map(strategies.get(i), i, name, variants.isEmpty() ? null : bucketing, notes);
			if (rule != null) {
				rules.add(rule);
			}
		}
		builder.rules(rules);
		// Unleash: a flag without strategies is on; with strategies, on only when one
		// matches.
		builder.rollout(strategies.isEmpty() ? null : 0.0);
		builder.variants(variants);
		builder.bucketing(variants.isEmpty() ? new Bucketing(bucketing.scheme(), null, null) : bucketing);
		List<Prerequisite> requires = new ArrayList<>();
		if (!Dependencies.resolve(name, feature, all, requires, notes)) {
			builder.enabled(false);
		}
		builder.requires(requires);
		Map<String, FeatureValue> metadata = new LinkedHashMap<>();
		String project = Json.text(feature, "project");
		if (project != null) {
			metadata.put("project", FeatureValue.of(project));
		}
		if (!notes.isEmpty()) {
			metadata.put(NOTES_KEY, FeatureValue.of(String.join("\n", new LinkedHashSet<>(notes))));
		}
		return builder.metadata(metadata).build();
	}

	private static FeatureType type(@Nullable String type) {
		if (type == null) {
			return FeatureType.RELEASE;
		}
		return switch (type) {
			case "experiment" -> FeatureType.EXPERIMENT;
			case "operational" -> FeatureType.OPS;
			case "kill-switch" -> FeatureType.KILL_SWITCH;
			case "permission" -> FeatureType.PERMISSION;
			default -> FeatureType.RELEASE;
		};
	}

	/**
	 * The features and segments of a payload, after applying delta events if it holds
	 * any.
	 *
	 * @param features the feature objects in order
	 * @param segments the segment objects in order
	 */
	record UnleashState(List<JsonNode> features, List<JsonNode> segments) {

		static UnleashState of(JsonNode root, List<ConfigProblem> problems) {
			if (!root.isObject()) {
				problems.add(new ConfigProblem("$", "must be a JSON object with 'features' (or delta 'events')"));
				return new UnleashState(List.of(), List.of());
			}
			if (root.has("events")) {
				return DeltaEvents.apply(Json.array(root, "events"), problems);
			}
			if (!root.has("features")) {
				problems.add(new ConfigProblem("$",
						"has neither 'features' nor 'events'; export the payload of /api/client/features"));
			}
			return new UnleashState(Json.array(root, "features"), Json.array(root, "segments"));
		}

	}

}
