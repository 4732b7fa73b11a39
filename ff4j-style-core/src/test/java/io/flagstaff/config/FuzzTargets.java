package io.flagstaff.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.InMemoryFeatureStore;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The readers under fuzzing, each with its seed documents and what must hold of what it
 * reads: the document reads back the same through both syntaxes, and every flag of it
 * evaluates without throwing. A target throws {@link FeatureConfigException} when it
 * refuses the input, and anything else (an {@link AssertionError} included) on a defect.
 */
public final class FuzzTargets {

	/** A document with every operator, bucketing scheme and evaluation step. */
	public static final String EVERY_OPERATOR = resource("every-operator.yml");

	/** Native YAML documents. */
	public static final List<String> NATIVE_YAML = List.of(resource("full-example.yml"), EVERY_OPERATOR,
			"version: 1\nfeatures:\n  f: { rollout: 50, variants: { a: 1, b: 1 } }\n",
			"version: 1\nsegments:\n  s: [ { attribute: ua, regex: '^Mozilla' } ]\nfeatures:\n"
					+ "  f: { rules: [ { when: [ { segment: s } ], serve: on } ], rollout: 0 }\n");

	/** Native JSON documents: the YAML ones rewritten as JSON. */
	public static final List<String> NATIVE_JSON = NATIVE_YAML.stream()
		.map((yaml) -> FeatureDocuments.write(FeatureDocuments.parse(yaml, "seed"), Syntax.JSON))
		.toList();

	/** Legacy {@code features_config.json} documents. */
	public static final List<String> LEGACY = List.of(resource("legacy/example-features-config.json"),
			resource("legacy/extended-features-config.json"));

	/** Store rows: one flag or one segment as JSON, as JDBC and Redis keep them. */
	public static final List<String> ROWS = rows();

	private static final List<FeatureContext> CONTEXTS = List.of(FeatureContext.empty(),
			FeatureContext.builder()
				.userId("u-1")
				.sessionId("s")
				.environment("production")
				.attribute("region", "DE")
				.attribute("country", "GB")
				.attribute("appVersion", "4.2.0")
				.attribute("age", "30")
				.attribute("ip", "10.1.2.3")
				.attribute("beta", "true")
				.attribute("ua", "Mozilla/5.0")
				.build(),
			FeatureContext.builder()
				.userId("\uD800")
				.currentTime(Instant.MAX)
				.attribute("ua", "x".repeat(5000))
				.build(),
			FeatureContext.builder().userId("").environment("").currentTime(Instant.MIN).build());

	private FuzzTargets() {
	}

	/**
	 * Reads a document of either format and syntax, as {@link FeatureDocuments#parse}
	 * does but without logging a legacy document's warnings.
	 * @param document the document
	 * @return the set read
	 */
	public static FeatureSet parse(String document) {
		return FeatureDocuments.read(document, "fuzz", LegacyOptions.DEFAULTS).features();
	}

	/**
	 * Reads a store row: as a segment when it is a JSON list, as a flag otherwise.
	 * @param row the row
	 * @return a set holding what was read
	 */
	public static FeatureSet parseRow(String row) {
		if (row.trim().startsWith("[")) {
			List<Condition> conditions = FeatureDocuments.parseSegment("s", row, "fuzz row");
			return new FeatureSet(Map.of("s", conditions), Map.of());
		}
		FeatureDefinition feature = FeatureDocuments.parseFeature("f", row, "fuzz row");
		FeatureDefinition read = FeatureDocuments.parseFeature("f", FeatureDocuments.writeFeature(feature), "back");
		if (!read.equals(feature)) {
			throw new AssertionError("the row does not read back the same: " + feature + " / " + read);
		}
		return FeatureSet.of(feature);
	}

	/**
	 * Checks what a reader accepted: it reads back the same in both syntaxes, and each
	 * flag evaluates for ordinary and extreme contexts (if it compiles: a row read
	 * without the others may refer to flags and segments it does not hold).
	 * @param set the set
	 */
	public static void checkRead(FeatureSet set) {
		for (Syntax syntax : Syntax.values()) {
			FeatureSet read = FeatureDocuments.parseStructure(FeatureDocuments.write(set, syntax), "round trip");
			if (!read.equals(set)) {
				throw new AssertionError(
						"the set does not read back the same in " + syntax + ": " + set + " / " + read);
			}
		}
		if (FeatureDocuments.problems(set).isEmpty()) {
			try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(set))
				.environment("production")
				.build()) {
				evaluateAll(flagstaff.snapshot(), CONTEXTS);
			}
		}
	}

	/**
	 * Evaluates every flag of a snapshot for every context with every evaluation method.
	 * @param snapshot the snapshot
	 * @param contexts the contexts
	 */
	public static void evaluateAll(FeatureSnapshot snapshot, List<FeatureContext> contexts) {
		for (String key : snapshot.featureKeys()) {
			for (FeatureContext context : contexts) {
				snapshot.isEnabled(key, context);
				snapshot.evaluate(key, context);
				snapshot.variant(key, context);
				snapshot.getString(key, context, "");
				snapshot.getInt(key, context, 0);
				snapshot.getDouble(key, context, 0);
				snapshot.getBoolean(key, context, false);
				snapshot.getJson(key, context, JsonNodeFactory.instance.nullNode());
			}
		}
	}

	private static List<String> rows() {
		List<String> rows = new ArrayList<>();
		FeatureSet example = FeatureDocuments.parse(NATIVE_YAML.get(0), "seed");
		example.features().values().forEach((feature) -> rows.add(FeatureDocuments.writeFeature(feature)));
		example.segments().values().forEach((segment) -> rows.add(FeatureDocuments.writeSegment(segment)));
		return List.copyOf(rows);
	}

	private static String resource(String name) {
		try (InputStream stream = FuzzTargets.class.getResourceAsStream(name)) {
			if (stream == null) {
				throw new IllegalStateException("no test resource " + name);
			}
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
