package io.flagstaff.cli.unleash;

import java.util.List;

import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FuzzTargets;
import io.flagstaff.config.Mutator;
import io.flagstaff.model.FeatureSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The Unleash importer, fed hostile variations of Unleash payloads, imports or refuses
 * them with a {@link FeatureConfigException}; what it imports reads back the same
 * natively and evaluates. The longer campaign is {@code UnleashFuzzCampaignTests}.
 */
class UnleashFuzzTests {

	/**
	 * Unleash payloads: client features with every strategy, constraint and variant kind.
	 */
	static final List<String> PAYLOADS = List.of(
			"""
					{"version": 2, "segments": [{"id": 1, "constraints": [{"contextName": "region", "operator": "IN",
					  "values": ["DE", "RO"]}]}],
					 "features": [
					  {"name": "checkout", "type": "release", "enabled": true, "project": "shop", "description": "One page",
					   "strategies": [
					    {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "g"},
					     "constraints": [{"contextName": "appVersion", "operator": "SEMVER_GT", "value": "4.2.0"},
					      {"contextName": "email", "operator": "STR_ENDS_WITH", "values": ["@acme.io"], "caseInsensitive": true},
					      {"contextName": "age", "operator": "NUM_GTE", "value": "18", "inverted": true}],
					     "segments": [1],
					     "variants": [{"name": "a", "weight": 500, "stickiness": "sessionId", "payload": {"type": "json",
					       "value": "{\\"steps\\": 1}"}}, {"name": "b", "weight": 500}]},
					    {"name": "userWithId", "parameters": {"userIds": "1, 2, 3"}},
					    {"name": "remoteAddress", "parameters": {"IPs": "10.0.0.0/8, 2001:db8::1"}},
					    {"name": "default", "constraints": [{"contextName": "currentTime", "operator": "DATE_AFTER",
					      "value": "2026-01-01T00:00:00Z"}, {"contextName": "ua", "operator": "REGEX", "value": "^Mozilla"},
					      {"contextName": "ip", "operator": "IN_CIDR", "values": ["192.168.0.0/16"]}]}],
					   "variants": [{"name": "x", "weight": 1, "payload": {"type": "number", "value": "42"},
					     "overrides": [{"contextName": "userId", "values": ["7"]}]}]},
					  {"name": "child", "enabled": true, "strategies": [{"name": "gradualRolloutSessionId",
					    "parameters": {"percentage": "25", "groupId": "child"}}],
					   "dependencies": [{"feature": "checkout", "variants": ["a"]}, {"feature": "gone"}]},
					  {"name": "random", "enabled": false, "strategies": [{"name": "gradualRolloutRandom",
					    "parameters": {"percentage": "10"}}, {"name": "custom"}]}]}
					""",
			"""
					{"events": [{"type": "hydration", "eventId": 1, "features": [{"name": "a", "enabled": true,
					  "strategies": [{"name": "default"}]}], "segments": []},
					 {"type": "feature-updated", "eventId": 2, "feature": {"name": "b", "enabled": true, "strategies": [
					  {"name": "gradualRolloutUserId", "parameters": {"percentage": "100", "groupId": "b"}}]}},
					 {"type": "segment-updated", "eventId": 3, "segment": {"id": 9, "constraints": []}},
					 {"type": "feature-removed", "eventId": 4, "featureName": "a"}]}
					""");

	static final List<String> DICTIONARY = List.of("\"name\": ", "\"enabled\": ", "\"strategies\": ",
			"\"parameters\": ", "\"constraints\": ", "\"contextName\": ", "\"operator\": ", "\"values\": ",
			"\"value\": ", "\"inverted\": true", "\"caseInsensitive\": true", "\"segments\": ", "\"variants\": ",
			"\"weight\": ", "\"stickiness\": ", "\"payload\": ", "\"overrides\": ", "\"dependencies\": ",
			"\"groupId\": ", "\"rollout\": ", "\"percentage\": ", "\"userIds\": ", "\"IPs\": ", "\"\"", "\" \"",
			"\"NOT_IN\"", "\"STR_CONTAINS\"", "\"NUM_EQ\"", "\"DATE_BEFORE\"", "\"SEMVER_EQ\"", "\"REGEX\"",
			"\"IN_CIDR\"", "\"flexibleRollout\"", "\"default\"", "\"random\"", "null", "[]", "{}");

	@Property(tries = 150)
	void theImporterImportsOrRefusesAnyPayload(@ForAll long seed) {
		importsOrRefuses(Mutator.mutate(PAYLOADS, DICTIONARY, seed));
	}

	static FeatureSet importsOrRefuses(String payload) {
		FeatureSet set;
		try {
			set = UnleashImporter.importPayload(payload, "fuzz");
		}
		catch (FeatureConfigException ex) {
			return null;
		}
		FuzzTargets.checkRead(set);
		return set;
	}

}
