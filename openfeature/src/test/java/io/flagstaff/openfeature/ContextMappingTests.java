package io.flagstaff.openfeature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import io.flagstaff.FeatureContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard context mapping: the targeting key is the user id, every other entry an
 * attribute, nested structures and lists by the documented rule.
 */
class ContextMappingTests {

	private final ContextMapper mapper = ContextMapper.standard();

	@Test
	void theTargetingKeyIsTheUserIdAndScalarsAreText() {
		MutableContext context = new MutableContext("u-42").add("region", "DE")
			.add("beta", true)
			.add("age", 42)
			.add("score", 0.25)
			.add("whole", 3.0)
			.add("since", Instant.parse("2026-01-02T03:04:05Z"));
		FeatureContext mapped = this.mapper.map(context, null);
		assertThat(mapped.userId()).isEqualTo("u-42");
		assertThat(mapped.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("region", "DE", "beta", "true", "age",
				"42", "score", "0.25", "whole", "3", "since", "2026-01-02T03:04:05Z"));
	}

	@Test
	void nestedStructuresAreFlattenedWithDotsAndListsJoinedWithCommas() {
		MutableContext context = new MutableContext("u-1")
			.add("address",
					new ImmutableStructure(Map.of("city", new Value("Bucharest"), "geo",
							new Value(new ImmutableStructure(Map.of("lat", new Value(44.43)))))))
			.add("tags", List.of(new Value("vip"), new Value("beta"), new Value(7)))
			.add("orders", List.of(new Value(new ImmutableStructure(Map.of("sku", new Value("A-1")))),
					new Value(new ImmutableStructure(Map.of("sku", new Value("B-2"))))));
		FeatureContext mapped = this.mapper.map(context, null);
		assertThat(mapped.attribute("address.city")).isEqualTo("Bucharest");
		assertThat(mapped.attribute("address.geo.lat")).isEqualTo("44.43");
		assertThat(mapped.attribute("tags")).isEqualTo("vip,beta,7");
		assertThat(mapped.attribute("orders[0].sku")).isEqualTo("A-1");
		assertThat(mapped.attribute("orders[1].sku")).isEqualTo("B-2");
		assertThat(mapped.attribute("orders")).isNull();
	}

	@Test
	void aNullValueIsAnAbsentAttribute() {
		MutableContext context = new MutableContext("u-1");
		context.add("email", (String) null);
		assertThat(this.mapper.map(context, null).attributes()).doesNotContainKey("email");
	}

	@Test
	void sessionIdAndEnvironmentSetThoseFields() {
		FeatureContext mapped = this.mapper
			.map(new MutableContext().add("sessionId", "s-1").add("environment", "staging"), null);
		assertThat(mapped.sessionId()).isEqualTo("s-1");
		assertThat(mapped.environment()).isEqualTo("staging");
		assertThat(mapped.userId()).isNull();
	}

	@Test
	void theTargetingKeyWinsOverAUserIdEntry() {
		assertThat(this.mapper.map(new MutableContext("u-key").add("userId", "u-entry"), null).userId())
			.isEqualTo("u-key");
	}

	@Test
	void theOpenFeatureContextAddsToAndOverridesTheBaseContext() {
		FeatureContext base = FeatureContext.builder()
			.userId("u-1")
			.attribute("region", "DE")
			.attribute("plan", "gold")
			.build();
		FeatureContext mapped = this.mapper.map(new ImmutableContext(Map.of("region", new Value("RO"))), base);
		assertThat(mapped.userId()).isEqualTo("u-1");
		assertThat(mapped.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("region", "RO", "plan", "gold"));
	}

	@Test
	void anEmptyContextIsTheBaseItselfOrTheEmptyContext() {
		FeatureContext base = FeatureContext.ofUser("u-1");
		assertThat(this.mapper.map(ImmutableContext.EMPTY, base)).isSameAs(base);
		assertThat(this.mapper.map(new MutableContext(), null)).isSameAs(FeatureContext.empty());
	}

	@Test
	void mappingNeverChangesTheOpenFeatureContext() {
		MutableContext context = new MutableContext("u-1").add("region", "DE");
		Map<String, Value> before = context.asMap();
		this.mapper.map(context, FeatureContext.ofUser("u-2"));
		assertThat(context.asMap()).isEqualTo(before);
	}

}
