package io.flagstaff.cli.unleash;

import java.util.List;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Operator;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.model.VariantDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnleashImporterTests {

	@Test
	void flagWithoutStrategiesIsOnForEveryoneAndFlagWithStrategiesIsOffWhenNoneMatches() {
		FeatureSet set = importFeatures("""
				{"name": "none", "enabled": true, "strategies": []},
				{"name": "some", "enabled": true, "strategies": [{"name": "default"}]}""");
		assertThat(set.features().get("none").rollout()).isNull();
		assertThat(set.features().get("some").rollout()).isEqualTo(0.0);
		assertThat(set.features().get("some").rules()).singleElement()
			.satisfies((rule) -> assertThat(rule.serve()).isEqualTo(Rule.Serve.ON));
	}

	@Test
	void disabledStrategiesAreLeftOut() {
		FeatureDefinition feature = importFeatures("""
				{"name": "f", "enabled": true, "strategies": [{"name": "default", "disabled": true},
				 {"name": "userWithId", "parameters": {"userIds": "1"}}]}""").features().get("f");
		assertThat(feature.rules()).extracting(Rule::name).containsExactly("userWithId[1]");
		assertThat(feature.rollout()).isEqualTo(0.0);
	}

	@Test
	void flexibleRolloutFallsThroughWithUnleashBucketingByGroupAndDefaultStickiness() {
		Rule rule = singleRule(
				"""
						{"name": "flexibleRollout", "parameters": {"rollout": "25", "stickiness": "default", "groupId": "g1"}}""");
		assertThat(rule.serve()).isEqualTo(Rule.Serve.ROLLOUT);
		assertThat(rule.rollout()).isEqualTo(25.0);
		assertThat(rule.fallthrough()).isTrue();
		assertThat(rule.bucketing())
			.isEqualTo(new Bucketing(BucketingScheme.UNLEASH, "userId", "g1", List.of("sessionId", Bucketing.RANDOM)));
	}

	@Test
	void fullRolloutByAFieldStillRequiresTheField() {
		Rule rule = singleRule("""
				{"name": "gradualRolloutUserId", "parameters": {"percentage": "100", "groupId": "f"}}""");
		assertThat(rule.when())
			.containsExactly(new Condition.Attribute("userId", Operator.EXISTS, List.of("true"), false, false));
		assertThat(rule.bucketing().salt()).as("group id equal to the flag key is the default salt").isNull();
	}

	@Test
	void userWithIdAndRemoteAddressBecomeConditions() {
		assertThat(singleRule("""
				{"name": "userWithId", "parameters": {"userIds": "1, 2 ,3"}}""").when())
			.containsExactly(new Condition.Attribute("userId", Operator.IN, List.of("1", "2", "3"), false, false));
		assertThat(singleRule("""
				{"name": "remoteAddress", "parameters": {"IPs": "10.0.0.1, nonsense, 2001:db8::/32"}}""").when())
			.containsExactly(new Condition.Attribute("remoteAddress", Operator.IN_CIDR,
					List.of("10.0.0.1/32", "2001:db8::/32"), false, false));
	}

	@ParameterizedTest(name = "{0} {1} inverted={3} -> {4} negate={5}")
	@CsvSource(delimiter = '|', textBlock = """
			IN               | a            | false | false | in         | false | a
			NOT_IN           | a            | false | false | in         | true  | a
			NOT_IN           | a            | false | true  | in         | false | a
			STR_CONTAINS     | a            | true  | false | contains   | false | a
			NUM_GTE          | 12.50        | false | false | gte        | false | 12.50
			DATE_AFTER       | 2022-01-22T13:00:00.000+02:00 | false | false | after | false | 2022-01-22T11:00:00Z
			SEMVER_LT        | 2.0.0-rc.1   | false | false | semverLt   | false | 2.0.0-rc.1
			REGEX            | ^abc$        | true  | false | regex      | false | (?i)^abc$
			IN_CIDR          | 127.0.0.1    | false | true  | inCidr     | true  | 127.0.0.1/32
			""")
	void constraintsMapToNativeConditions(String operator, String value, boolean caseInsensitive, boolean inverted,
			String nativeOperator, boolean negate, String nativeValue) {
		Rule rule = singleRule("""
				{"name": "default", "constraints": [{"contextName": "f", "operator": "%s", "values": ["%s"],
				"caseInsensitive": %s, "inverted": %s}]}""".formatted(operator, value, caseInsensitive, inverted));
		Operator expected = Operator.fromConfigName(nativeOperator);
		assertThat(rule.when()).containsExactly(new Condition.Attribute("f", expected, List.of(nativeValue),
				caseInsensitive && expected != Operator.REGEX, negate));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			SEMVER_EQ           | v2.0.0
			NUM_EQ              | twelve
			DATE_BEFORE         | yesterday
			REGEX               | ^(?=a)b$
			IN_CIDR             | 127.invalid
			NOT_A_VALID_OPERATOR | x
			""")
	void strategyWhoseConstraintCanNeverMatchIsLeftOutAndExplained(String operator, String value) {
		FeatureSet set = importFeatures("""
				{"name": "f", "enabled": true, "strategies": [{"name": "default", "constraints":
				[{"contextName": "x", "operator": "%s", "value": "%s"}]}]}""".formatted(operator, value));
		FeatureDefinition feature = set.features().get("f");
		assertThat(feature.rules()).isEmpty();
		assertThat(feature.rollout()).isEqualTo(0.0);
		assertThat(feature.metadata().get(UnleashImporter.NOTES_KEY)).isNotNull();
	}

	@Test
	void invertedConstraintThatCanNeverMatchAlwaysHolds() {
		Rule rule = singleRule("""
				{"name": "default", "constraints": [{"contextName": "environment", "operator": "IN", "values": [],
				"inverted": true}]}""");
		assertThat(rule.when()).isEmpty();
	}

	@Test
	void segmentsAreReferencedByNameAndMissingSegmentsLeaveTheStrategyOut() {
		FeatureSet set = UnleashImporter.importPayload("""
				{"version": 1, "segments": [{"id": 1, "constraints": [{"contextName": "appName", "operator": "IN",
				"values": ["web"]}]}], "features": [{"name": "f", "enabled": true, "strategies": [
				{"name": "default", "segments": [1]}, {"name": "default", "segments": [404]}]}]}""", "test");
		assertThat(set.segments()).containsOnlyKeys("segment-1");
		assertThat(set.features().get("f").rules()).singleElement()
			.satisfies((rule) -> assertThat(rule.when()).containsExactly(new Condition.Segment("segment-1", false)));
	}

	@Test
	void variantsKeepWeightsPayloadsStickinessAndOverrides() {
		FeatureDefinition feature = importFeatures("""
				{"name": "f", "enabled": true, "strategies": [], "variants": [
				{"name": "a", "weight": 500, "stickiness": "tenant", "payload": {"type": "number", "value": "1.50"},
				 "overrides": [{"contextName": "userId", "values": ["7"]}]},
				{"name": "b", "weight": 500, "payload": {"type": "json", "value": "{\\"k\\": 1}"}}]}""").features()
			.get("f");
		assertThat(feature.variants()).hasSize(2);
		VariantDefinition a = feature.variants().get(0);
		assertThat(a.weight()).isEqualTo(500);
		assertThat(a.value()).isEqualTo(FeatureValue.of(new java.math.BigDecimal("1.50")));
		assertThat(a.overrides())
			.containsExactly(new Condition.Attribute("userId", Operator.IN, List.of("7"), false, false));
		assertThat(feature.variants().get(1).value()).isInstanceOf(FeatureValue.Json.class);
		assertThat(feature.bucketing())
			.isEqualTo(new Bucketing(BucketingScheme.UNLEASH, "tenant", null, List.of(Bucketing.RANDOM)));
	}

	@Test
	void strategyVariantsAreChosenByTheirOwnStickinessAndGroup() {
		Rule rule = singleRule("""
				{"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "userId", "groupId": "g"},
				 "variants": [{"name": "a", "weight": 1, "stickiness": "tenant"}, {"name": "b", "weight": 1}]}""");
		assertThat(rule.variants()).extracting(VariantDefinition::name).containsExactly("a", "b");
		assertThat(rule.bucketing()).isEqualTo(new Bucketing(BucketingScheme.UNLEASH, "userId", "g"));
		assertThat(rule.variantBucketing())
			.isEqualTo(new Bucketing(BucketingScheme.UNLEASH, "tenant", "g", List.of(Bucketing.RANDOM)));
	}

	@Test
	void dependenciesFollowUnleashLimits() {
		FeatureSet set = importFeatures(
				"""
						{"name": "parent", "enabled": true, "strategies": []},
						{"name": "child", "enabled": true, "dependencies": [{"feature": "parent", "variants": ["disabled"]}]},
						{"name": "off-parent", "enabled": true, "dependencies": [{"feature": "parent", "enabled": false}]},
						{"name": "grandchild", "enabled": true, "dependencies": [{"feature": "child"}]},
						{"name": "orphan", "enabled": true, "dependencies": [{"feature": "missing"}]},
						{"name": "p2", "enabled": true, "strategies": [{"name": "default", "variants": [{"name": "v", "weight": 1}]}]},
						{"name": "on-v", "enabled": true, "dependencies": [{"feature": "p2", "variants": ["v", "nope"]}]},
						{"name": "on-nope", "enabled": true, "dependencies": [{"feature": "p2", "variants": ["nope"]}]}""");
		assertThat(set.features().get("child").requires()).containsExactly(Prerequisite.on("parent"));
		assertThat(set.features().get("off-parent").requires())
			.containsExactly(new Prerequisite("parent", false, List.of()));
		assertThat(set.features().get("grandchild").enabled()).isFalse();
		assertThat(set.features().get("orphan").enabled()).isFalse();
		assertThat(set.features().get("on-v").requires()).containsExactly(new Prerequisite("p2", true, List.of("v")));
		assertThat(set.features().get("on-nope").enabled()).isFalse();
		assertThat(set.features().get("orphan").metadata().get(UnleashImporter.NOTES_KEY))
			.isEqualTo(FeatureValue.of("dependencies: parent 'missing' does not exist; like Unleash, the flag is off"));
	}

	@Test
	void deltaEventsAreAppliedInOrder() {
		FeatureSet set = UnleashImporter.importPayload("""
				{"events": [
				 {"type": "hydration", "features": [{"name": "a", "enabled": true}], "segments": []},
				 {"type": "feature-updated", "feature": {"name": "b", "enabled": true}},
				 {"type": "feature-removed", "featureName": "a"},
				 {"type": "segment-updated", "segment": {"id": 3, "constraints": []}}]}""", "delta");
		assertThat(set.features()).containsOnlyKeys("b");
		assertThat(set.segments()).containsOnlyKeys("segment-3");
	}

	@Test
	void invalidPayloadsAreReportedWithTheirLocation() {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> UnleashImporter.importPayload("{not json", "export.json"))
			.withMessageContaining("export.json")
			.withMessageContaining("$: is not valid JSON");
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> UnleashImporter.importPayload("""
				{"features": [{"enabled": true}, {"name": "x"}, {"name": "x"}]}""", "export.json"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Object::toString)
				.containsExactly("features[0].name: is missing; give every feature a name",
						"features[2].name: 'x' is defined twice; keep one definition"));
	}

	@Test
	void duplicateKeysAreRefusedLikeTheNativeReaderRefusesThem() {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> importFeatures("{\"name\": \"f\", \"enabled\": true, \"enabled\": false}"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies((problem) -> assertThat(problem.message()).startsWith("is not valid JSON at line 1")
					.contains("Duplicate Object property \"enabled\"")));
	}

	@ParameterizedTest(name = "{0} inverted={1} -> {2}")
	@CsvSource({ "IN, false, false", "IN, true, true", "NOT_IN, false, true", "STR_CONTAINS, false, false",
			"NUM_GT, true, true" })
	void aBlankContextNameIsAFieldNoContextHas(String operator, boolean inverted, boolean holds) {
		FeatureDefinition feature = importFeatures("{\"name\": \"f\", \"enabled\": true, \"strategies\": "
				+ "[{\"name\": \"default\", \"constraints\": [{\"contextName\": \" \", \"operator\": \"" + operator
				+ "\", \"values\": [\"1\"], \"inverted\": " + inverted + "}]}]}")
			.features()
			.get("f");
		assertThat(feature.rules()).hasSize(holds ? 1 : 0);
		if (holds) {
			assertThat(feature.rules().get(0).when()).isEmpty();
		}
	}

	@Test
	void aBlankDescriptionIsLeftOut() {
		assertThat(importFeatures("{\"name\": \"f\", \"enabled\": true, \"description\": \"  \"}").features()
			.get("f")
			.description()).isNull();
	}

	@Test
	void whatTheNativeReaderWouldRefuseIsRefusedAtImportWithThePathOfTheFlag() {
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> importFeatures("{\"name\": \"f\", \"enabled\": true, \"strategies\": [{\"name\": "
					+ "\"flexibleRollout\", \"parameters\": {\"rollout\": \"50\", \"groupId\": \" \"}}]}"))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(Object::toString)
				.containsExactly("features.f.rules[0].bucketing.salt: must not be blank; remove the field or give it a "
						+ "value"));
		assertThatExceptionOfType(FeatureConfigException.class)
			.isThrownBy(() -> importFeatures("{\"name\": \"f\", \"enabled\": true, \"strategies\": [{\"name\": "
					+ "\"default\", \"constraints\": [{\"contextName\": \"ua\", \"operator\": \"REGEX\", "
					+ "\"value\": \"((((a{100}){100}){100}){100})\"}]}]}"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies((problem) -> assertThat(problem.toString())
					.startsWith("features.f.rules[0].when[0].regex: expands to 100000000 states")));
	}

	@Test
	void numbersOfAnySizeAreReadAsUnleashReadsThem() {
		FeatureSet set = importFeatures("""
				{"name": "big", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "1e400"}}]},
				{"name": "huge", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "1e999999999"}}]},
				{"name": "tiny", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "1e-999999999"}}]},
				{"name": "fraction", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "33.7"}}]},
				{"name": "weights", "enabled": true, "variants": [{"name": "a", "weight": "1e400"},
				  {"name": "b", "weight": "-1e999999999"}]}""".replace("1e400\"}", "1e9\"}"));
		assertThat(set.features().get("big").rules().get(0).rollout()).isEqualTo(100.0);
		assertThat(set.features().get("huge").rules()).as("not a number within the limits: never on").isEmpty();
		assertThat(set.features().get("tiny").rules()).as("not a number within the limits: never on").isEmpty();
		assertThat(set.features().get("fraction").rules().get(0).rollout()).isEqualTo(33.0);
		assertThat(set.features().get("weights").variants()).extracting(VariantDefinition::weight)
			.containsExactly(1_000_000_000, 0);
		assertThatExceptionOfType(FeatureConfigException.class).isThrownBy(() -> importFeatures("""
				{"name": "weights", "enabled": true, "variants": [{"name": "a", "weight": "1e400"}]}"""))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(Object::toString)
				.containsExactly("features.weights.variants: the weights add up to 2147483647; keep the total below "
						+ "1073741823"));
	}

	private static Rule singleRule(String strategy) {
		FeatureSet set = importFeatures("{\"name\": \"f\", \"enabled\": true, \"strategies\": [" + strategy + "]}");
		List<Rule> rules = set.features().get("f").rules();
		assertThat(rules).hasSize(1);
		return rules.get(0);
	}

	private static FeatureSet importFeatures(String features) {
		return UnleashImporter.importPayload("{\"version\": 1, \"features\": [" + features + "]}", "test");
	}

}
