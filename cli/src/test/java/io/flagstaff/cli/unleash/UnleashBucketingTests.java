package io.flagstaff.cli.unleash;

import java.util.stream.IntStream;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imported flags bucket users exactly as Unleash does, checked against the reference
 * vectors of the Unleash client specification ({@code normalized(groupId:userId)}),
 * through the public API.
 */
class UnleashBucketingTests {

	@ParameterizedTest(name = "{0}:{1} is in bucket {2}")
	@CsvSource({ "gr1, 123, 73", "groupX, 999, 25" })
	void flexibleRolloutIncludesAUserExactlyFromTheirUnleashBucket(String groupId, String userId, int bucket) {
		try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(UnleashImporter.importPayload("""
				{"version": 1, "features": [
				 {"name": "at", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "%1$d", "groupId": "%2$s", "stickiness": "userId"}}]},
				 {"name": "below", "enabled": true, "strategies": [{"name": "flexibleRollout",
				  "parameters": {"rollout": "%3$d", "groupId": "%2$s", "stickiness": "userId"}}]}]}""".formatted(bucket,
				groupId, bucket - 1), "vectors")))
			.build()) {
			FeatureContext user = FeatureContext.ofUser(userId);
			assertThat(flagstaff.isEnabled("at", user)).isTrue();
			assertThat(flagstaff.isEnabled("below", user)).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}:{1} is in variant bucket {2}")
	@CsvSource({ "gr1, 123, 96", "groupX, 999, 60" })
	void variantIsChosenFromTheUserUnleashVariantBucket(String feature, String userId, int bucket) {
		try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(UnleashImporter.importPayload("""
				{"version": 1, "features": [{"name": "%s", "enabled": true, "strategies": [], "variants": [
				 {"name": "below", "weight": %d}, {"name": "from", "weight": 1},
				 {"name": "after", "weight": %d}]}]}""".formatted(feature, bucket - 1, 100 - bucket), "vectors")))
			.build()) {
			assertThat(flagstaff.variant(feature, FeatureContext.ofUser(userId))).isEqualTo("from");
		}
	}

	@Test
	void randomRolloutTurnsOnAShareOfEvaluationsNotOfUsers() {
		try (Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(UnleashImporter.importPayload("""
				{"version": 1, "features": [{"name": "coin", "enabled": true, "strategies": [
				 {"name": "gradualRolloutRandom", "parameters": {"percentage": "50"}}]}]}""", "random"))).build()) {
			FeatureContext user = FeatureContext.ofUser("always-the-same");
			long on = IntStream.range(0, 4000).filter((i) -> flagstaff.isEnabled("coin", user)).count();
			assertThat(on).isBetween(1600L, 2400L);
		}
	}

}
