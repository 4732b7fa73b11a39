package io.flagstaff.cli.unleash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.config.Syntax;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every case of Unleash's public client specification (read at test time from
 * {@code shared/conformance/unleash-client-specification} beside the repository) through
 * the importer and Flagstaff's public API.
 */
class UnleashSpecificationTests {

	/**
	 * The number of cases passed so far: the build fails when fewer pass. Raise it
	 * whenever more cases pass.
	 */
	private static final int PASS_FLOOR = 279;

	private static final String DATA = "shared/conformance/unleash-client-specification";

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	@Test
	void importedPayloadsPassTheUnleashClientSpecification() throws IOException {
		Path directory = locateData();
		List<String> failures = new ArrayList<>();
		int passed = 0;
		for (JsonNode file : MAPPER.readTree(directory.resolve("index.json").toFile())) {
			String fileName = file.asString();
			JsonNode spec = MAPPER.readTree(Files.readString(directory.resolve(fileName), StandardCharsets.UTF_8));
			List<Case> cases = cases(fileName, spec);
			Flagstaff flagstaff;
			try {
				FeatureSet features = UnleashImporter.importPayload(MAPPER.writeValueAsString(spec.get("state")),
						fileName);
				flagstaff = Flagstaff.builder(new InMemoryFeatureStore(features)).build();
			}
			catch (RuntimeException ex) {
				String reason = String.valueOf(ex.getMessage()).lines().findFirst().orElse("") + " " + ex;
				cases.forEach((c) -> failures.add(c.name() + ": import failed: " + reason));
				continue;
			}
			try (flagstaff) {
				for (Case c : cases) {
					String mismatch = run(flagstaff, c);
					if (mismatch == null) {
						passed++;
					}
					else {
						failures.add(c.name() + ": " + mismatch);
					}
				}
			}
		}
		System.out.println("unleash-spec: " + passed + " passed, " + failures.size() + " failed");
		failures.forEach((failure) -> System.out.println("  FAILED " + failure));
		assertThat(passed).as("Unleash specification cases passed (failures: %s)", failures)
			.isGreaterThanOrEqualTo(PASS_FLOOR);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Syntax.class)
	void everyImportedStateReadsBackIdenticallyFromTheNativeFormat(Syntax syntax) throws IOException {
		Path directory = locateData();
		for (JsonNode file : MAPPER.readTree(directory.resolve("index.json").toFile())) {
			JsonNode spec = MAPPER
				.readTree(Files.readString(directory.resolve(file.asString()), StandardCharsets.UTF_8));
			FeatureSet imported = UnleashImporter.importPayload(MAPPER.writeValueAsString(spec.get("state")),
					file.asString());
			String document = FeatureDocuments.write(imported, syntax);
			assertThat(FeatureDocuments.parseNative(document, syntax, file.asString()))
				.as("%s written as %s:%n%s", file.asString(), syntax, document)
				.isEqualTo(imported);
		}
	}

	private static List<Case> cases(String fileName, JsonNode spec) {
		List<Case> cases = new ArrayList<>();
		for (JsonNode test : Json.array(spec, "tests")) {
			cases.add(new Case(fileName + " / " + test.get("description").asString(), test, false));
		}
		for (JsonNode test : Json.array(spec, "variantTests")) {
			cases.add(new Case(fileName + " / " + test.get("description").asString(), test, true));
		}
		return cases;
	}

	private static String run(Flagstaff flagstaff, Case c) {
		String key = c.test().get("toggleName").asString();
		FeatureContext context = context(c.test().get("context"));
		JsonNode expected = c.test().get("expectedResult");
		try {
			if (!c.variant()) {
				boolean enabled = flagstaff.isEnabled(key, context);
				return (enabled == expected.booleanValue()) ? null : "expected " + expected + ", was " + enabled;
			}
			JsonNode actual = unleashVariant(flagstaff, key, context);
			return actual.equals(expected) ? null : "expected " + expected + ", was " + actual;
		}
		catch (RuntimeException ex) {
			return "threw " + ex;
		}
	}

	/**
	 * Expresses Flagstaff's answer the way Unleash's {@code getVariant} does: the variant
	 * name ("disabled" when none), whether a variant is served, whether the flag is on,
	 * and the payload as {@code {type, value}}.
	 */
	private static JsonNode unleashVariant(Flagstaff flagstaff, String key, FeatureContext context) {
		Evaluation evaluation = flagstaff.evaluate(key, context);
		String variant = flagstaff.variant(key, context);
		if (!Objects.equals(variant, evaluation.variant())) {
			throw new IllegalStateException("variant() returned " + variant + " but evaluate() " + evaluation);
		}
		ObjectNode result = MAPPER.createObjectNode();
		result.put("name", (variant != null) ? variant : Dependencies.DISABLED_VARIANT);
		FeatureValue value = evaluation.value();
		if (variant != null && value != null) {
			ObjectNode payload = result.putObject("payload");
			if (value instanceof FeatureValue.Num number) {
				payload.put("type", "number").put("value", number.value().toPlainString());
			}
			else if (value instanceof FeatureValue.Json json) {
				payload.put("type", "json").put("value", json.value().toString());
			}
			else {
				payload.put("type", "string").put("value", String.valueOf(value.asObject()));
			}
		}
		result.put("enabled", variant != null);
		result.put("feature_enabled", evaluation.enabled());
		return result;
	}

	private static FeatureContext context(JsonNode unleash) {
		FeatureContext.Builder builder = FeatureContext.builder()
			.userId(Json.text(unleash, "userId"))
			.sessionId(Json.text(unleash, "sessionId"))
			.environment(Json.text(unleash, "environment"))
			.attribute("remoteAddress", Json.text(unleash, "remoteAddress"))
			.attribute("appName", Json.text(unleash, "appName"));
		String currentTime = Json.text(unleash, "currentTime");
		if (currentTime != null) {
			builder.currentTime(Objects.requireNonNull(Operands.parseInstant(currentTime), currentTime));
		}
		JsonNode properties = Json.object(unleash, "properties");
		if (properties != null) {
			for (String name : properties.propertyNames()) {
				builder.attribute(name, Json.text(properties, name));
			}
		}
		return builder.build();
	}

	/**
	 * Finds the specification beside the repository: walks up from the working directory
	 * until a directory holds {@code shared/conformance/unleash-client-specification}.
	 */
	private static Path locateData() {
		Path start = Path.of("").toAbsolutePath();
		for (Path directory = start; directory != null; directory = directory.getParent()) {
			Path candidate = directory.resolve(DATA);
			if (Files.isRegularFile(candidate.resolve("index.json"))) {
				return candidate;
			}
		}
		return fail("The Unleash client specification was not found: no directory from " + start + " upwards holds "
				+ DATA + "/index.json. Check out the shared test data beside the repository "
				+ "(../shared/conformance/unleash-client-specification, read-only, never copied into the repository).");
	}

	private record Case(String name, JsonNode test, boolean variant) {

	}

}
