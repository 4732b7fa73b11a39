package io.flagstaff.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.HealthPolicy;
import io.flagstaff.model.Kill;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.Schedule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTests {

	static Stream<FeatureSet> sets() {
		return Stream.of(FeatureSet.EMPTY, FeatureSet.of(FeatureDefinition.builder("plain").build()),
				FeatureDocuments.parse(Documents.read("full-example.yml"), "full-example.yml"),
				FeatureDocuments.parseLegacy(Documents.read("legacy/example-features-config.json"), "legacy"),
				FeatureDocuments.parseLegacy(Documents.read("legacy/extended-features-config.json"), "legacy"),
				built());
	}

	/** A set built in Java, touching every field and operator. */
	static FeatureSet built() {
		List<Condition> all = Stream.of(Operator.values()).map(RoundTripTests::condition).toList();
		FeatureDefinition everything = FeatureDefinition.builder("everything")
			.description("All fields")
			.owner("me")
			.type(FeatureType.OPS)
			.expires(LocalDate.of(2030, 1, 31))
			.enabled(false)
			.environments(List.of("a", "b"))
			.schedule(new Schedule(Instant.parse("2026-01-01T00:00:00.123Z"), null))
			.requires(List.of(Prerequisite.on("plain"), new Prerequisite("plain", false, List.of()),
					new Prerequisite("plain", true, List.of("x"))))
			.allow(List.of("1", "two"))
			.deny(List.of("3"))
			.rules(List.of(Rule.serve(all, true), Rule.serve(List.of(new Condition.Segment("s", true)), false),
					Rule.variant(List.of(), "x"), Rule.rollout(List.of(), 0.01),
					new Rule("named", List.of(), Rule.Serve.ROLLOUT, null, 99.99,
							List.of(new VariantDefinition("x", 0, null), new VariantDefinition("y", 1, null)), true,
							new Bucketing(BucketingScheme.LEGACY_MD5, "sessionId", "salt"),
							new Bucketing(BucketingScheme.UNLEASH, null, null, List.of("random")))))
			.rollout(33.33)
			.bucketing(new Bucketing(BucketingScheme.UNLEASH, "accountId", null, List.of("sessionId")))
			.variants(List.of(new VariantDefinition("x", 3, FeatureValue.of(new BigDecimal("1.50"))),
					new VariantDefinition("y", 1, FeatureValue.of(false), List.of(condition(Operator.IN))),
					new VariantDefinition("z", 1,
							FeatureValue.of(JsonMapper.builder()
								.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
								.build()
								.readTree("{\"a\":[1,2.5,\"b\",null]}")))))
			.health(new HealthPolicy(3, Duration.ofMillis(1500), 0.125, 7, Duration.ofNanos(1_500), 2, 0.5,
					HealthPolicy.Scope.VARIANT))
			.track(true)
			.metadata(Map.of("n", FeatureValue.of(new BigDecimal("1E+3")), "s", FeatureValue.of("t")))
			.killed(new Kill("health-guard", "5 errors", Instant.parse("2026-11-20T10:15:30Z")))
			.build();
		return new FeatureSet(Map.of("s", List.of(condition(Operator.EQUALS))), Map.of("plain",
				FeatureDefinition.builder("plain").variants(List.of(new VariantDefinition("x", 1, null))).build(),
				"everything", everything));
	}

	private static Condition condition(Operator operator) {
		List<String> values = switch (operator) {
			case EXISTS -> List.of("false");
			case IS_TRUE, IS_FALSE -> List.of();
			case IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH -> List.of("a", "7", "true");
			case IN_CIDR -> List.of("10.0.0.0/8", "::1/128");
			case NUM_EQ, LT, LTE, GT, GTE -> List.of("2.50");
			case SEMVER_EQ, SEMVER_LT, SEMVER_LTE, SEMVER_GT, SEMVER_GTE -> List.of("1.2.3");
			case BEFORE, AFTER -> List.of("2026-01-01T00:00:00Z");
			default -> List.of("x");
		};
		return new Condition.Attribute("attr-" + operator.configName(), operator, values,
				operator.supportsIgnoreCase() && operator.ordinal() % 2 == 0, operator.ordinal() % 3 == 0);
	}

	@ParameterizedTest
	@MethodSource("sets")
	void writingThenReadingJsonGivesAnEqualSet(FeatureSet set) {
		String json = FeatureDocuments.write(set, Syntax.JSON);
		assertThat(FeatureDocuments.parseNative(json, Syntax.JSON, "written")).isEqualTo(set);
		assertThat(FeatureDocuments.parse(json, "written")).isEqualTo(set);
	}

	@ParameterizedTest
	@MethodSource("sets")
	void writingThenReadingYamlGivesAnEqualSet(FeatureSet set) {
		String yaml = FeatureDocuments.write(set, Syntax.YAML);
		assertThat(FeatureDocuments.parseNative(yaml, Syntax.YAML, "written")).isEqualTo(set);
		assertThat(FeatureDocuments.parse(yaml, "written")).isEqualTo(set);
	}

	@ParameterizedTest
	@MethodSource("sets")
	void writingIsStable(FeatureSet set) {
		for (Syntax syntax : Syntax.values()) {
			String once = FeatureDocuments.write(set, syntax);
			assertThat(FeatureDocuments.write(FeatureDocuments.parseNative(once, syntax, "written"), syntax))
				.isEqualTo(once);
		}
	}

	@ParameterizedTest
	@MethodSource("sets")
	void everyFlagRoundTripsAsItsOwnJsonDocument(FeatureSet set) {
		set.features().forEach((key, feature) -> {
			String json = FeatureDocuments.writeFeature(feature);
			assertThat(json).doesNotContain("\n");
			assertThat(FeatureDocuments.parseFeature(key, json, "row " + key)).isEqualTo(feature);
		});
		set.segments()
			.forEach((name, conditions) -> assertThat(
					FeatureDocuments.parseSegment(name, FeatureDocuments.writeSegment(conditions), "segment " + name))
				.isEqualTo(conditions));
	}

	@Test
	void jsonAndYamlSpellingsOfOneDocumentAreEqual() {
		FeatureSet fromYaml = FeatureDocuments.parse(Documents.read("full-example.yml"), "yaml");
		String json = FeatureDocuments.write(fromYaml, Syntax.JSON);
		assertThat(FeatureDocuments.detectSyntax(json)).isEqualTo(Syntax.JSON);
		assertThat(FeatureDocuments.parseNative(json, Syntax.YAML, "json read as yaml")).isEqualTo(fromYaml);
	}

	@ParameterizedTest
	@EnumSource(Syntax.class)
	void writesOnlyFieldsThatDifferFromTheirDefaults(Syntax syntax) {
		String written = FeatureDocuments.write(FeatureSet.of(FeatureDefinition.builder("plain").build()), syntax);
		assertThat(FeatureDocuments.write(FeatureSet.of(FeatureDefinition.builder("plain").build()), Syntax.JSON))
			.isEqualToIgnoringWhitespace("{\"version\":1,\"features\":{\"plain\":{}}}");
		assertThat(written).contains("version").contains("plain").doesNotContain("enabled").doesNotContain("type");
	}

	@Test
	void writesAReadableYamlDocument() {
		FeatureDefinition flag = FeatureDefinition.builder("new-checkout")
			.rules(List.of(Rule
				.serve(List.of(new Condition.Attribute("region", Operator.IN, List.of("DE"), false, false)), true)))
			.rollout(10.0)
			.build();
		assertThat(FeatureDocuments.write(FeatureSet.of(flag), Syntax.YAML)).isEqualTo("""
				version: 1
				features:
				  new-checkout:
				    rules:
				    - when:
				      - attribute: region
				        in:
				        - DE
				      serve: "on"
				    rollout: 10
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "-1.5", "1e3", "+2", ".5", "1_000", ".inf", "-.Inf", ".NaN", "0o17", "0x1F", "NULL",
			"TRUE", "true", "False", "yes", "no", "on", "off", "null", "~", "2027-03-01", "12:30", "-", "#hash", "a: b",
			"- item", "[x]", "{y}", "*star", "&anchor", "!tag", "'q'", "\"dq\"", " padded ", "multi\nline", "tab\there",
			"üñí", "@at", "%pct", "`tick`", "?", "|", ">" })
	void stringsThatLookLikeOtherYamlValuesRoundTrip(String text) {
		FeatureDefinition flag = FeatureDefinition.builder("f")
			.description(text.isBlank() ? "x" : text)
			.owner("o" + text)
			.allow(List.of(text))
			.environments(List.of(text))
			.variants(List.of(new VariantDefinition("v", 1, FeatureValue.of(text))))
			.rules(List
				.of(Rule.serve(List.of(new Condition.Attribute("a", Operator.EQUALS, List.of(text), false, false),
						new Condition.Attribute("n", Operator.IN, List.of(text), false, false)), true)))
			.metadata(Map.of(text, FeatureValue.of(text)))
			.build();
		FeatureSet set = FeatureSet.of(flag);
		for (Syntax syntax : Syntax.values()) {
			assertThat(FeatureDocuments.parseNative(FeatureDocuments.write(set, syntax), syntax, "written"))
				.as(syntax.name())
				.isEqualTo(set);
		}
	}

}
