package io.flagstaff.openfeature;

import java.math.BigDecimal;

import dev.openfeature.sdk.Value;
import io.flagstaff.model.FeatureValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON and OpenFeature values convert both ways without loss.
 */
class JsonValuesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1,\"b\":[true,\"x\",2.5,{\"c\":null}],\"d\":{}}", "[]", "[1,2,3]", "\"text\"",
			"3000000000", "0.1", "false", "null" })
	void jsonSurvivesARoundTripThroughValue(String json) {
		JsonNode node = JSON.readTree(json);
		assertThat(JsonValues.toJson(JsonValues.toValue(node))).isEqualTo(node);
	}

	@Test
	void numbersTakeTheNarrowestJavaType() {
		assertThat(JsonValues.toValue(FeatureValue.of(new BigDecimal("42"))).asObject()).isEqualTo(42);
		assertThat(JsonValues.toValue(FeatureValue.of(new BigDecimal("3000000000"))).asObject())
			.isEqualTo(3_000_000_000L);
		assertThat(JsonValues.toValue(FeatureValue.of(new BigDecimal("0.5"))).asObject()).isEqualTo(0.5);
	}

	@Test
	void scalarsOfFlagstaffBecomeScalarValues() {
		assertThat(JsonValues.toValue(FeatureValue.of("x")).asString()).isEqualTo("x");
		assertThat(JsonValues.toValue(FeatureValue.of(true)).asBoolean()).isTrue();
		assertThat(JsonValues.toJson(new Value(java.time.Instant.parse("2026-01-01T00:00:00Z"))).asString())
			.isEqualTo("2026-01-01T00:00:00Z");
	}

}
