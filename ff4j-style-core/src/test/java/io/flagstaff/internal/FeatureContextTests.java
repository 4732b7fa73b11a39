package io.flagstaff.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flagstaff.FeatureContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeatureContextTests {

	@Test
	void attributesKeepTheirOrderAndALaterValueReplacesAnEarlierOne() {
		FeatureContext context = FeatureContext.builder()
			.attribute("region", "US")
			.attribute("plan", "free")
			.attribute("beta", true)
			.attribute("plan", "premium")
			.build();
		assertThat(context.attributes()).containsExactly(Map.entry("region", "US"), Map.entry("plan", "premium"),
				Map.entry("beta", "true"));
		assertThat(context.customAttribute("plan")).isEqualTo("premium");
		assertThat(context.attribute("beta")).isEqualTo("true");
		assertThat(context.customAttribute("missing")).isNull();
		assertThat(context.attributes().get(null)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "userId, u-1, u-1, , , ", "sessionId, s-1, , s-1, , ", "environment, prod, , , prod, ",
			"userID, x, , , , x", "usERId, x, , , , x", "sessionXY, x, , , , x", "environmenT, x, , , , x",
			"region, x, , , , x", "u, x, , , , x" })
	void onlyTheThreeSpecialNamesSetTheirFields(String name, String value, String userId, String sessionId,
			String environment, String custom) {
		FeatureContext context = FeatureContext.builder().attribute(name, value).build();
		assertThat(context.userId()).isEqualTo(userId);
		assertThat(context.sessionId()).isEqualTo(sessionId);
		assertThat(context.environment()).isEqualTo(environment);
		assertThat(context.customAttribute(name)).isEqualTo(custom);
		assertThat(context.attributes()).hasSize((custom != null) ? 1 : 0);
	}

	@Test
	void nonStringValuesAreStoredAsTheirTextAndANullObjectRemoves() {
		Object absent = null;
		FeatureContext context = FeatureContext.builder()
			.attribute("age", (Object) 42)
			.attribute("beta", (Object) Boolean.TRUE)
			.attribute("plan", "free")
			.attribute("plan", absent)
			.attribute("age", (Object) 43)
			.build();
		assertThat(context.attributes()).containsExactly(Map.entry("age", "43"), Map.entry("beta", "true"));
	}

	@Test
	void settingTheSameValueAgainAfterBuildingKeepsTheBuiltContextAlone() {
		FeatureContext.Builder builder = FeatureContext.builder().attribute("a", "1").attribute("b", "2");
		FeatureContext first = builder.build();
		FeatureContext second = builder.attribute("a", "1").attribute("b", null).attribute("c", "3").build();
		assertThat(first.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
		assertThat(second.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
	}

	@Test
	void aNullValueRemovesTheAttribute() {
		FeatureContext context = FeatureContext.builder()
			.attribute("a", "1")
			.attribute("b", "2")
			.attribute("c", "3")
			.attribute("b", null)
			.build();
		assertThat(context.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
		assertThat(context.hasIdentity()).isTrue();
	}

	@Test
	void aBuilderChangedAfterBuildingLeavesTheBuiltContextAlone() {
		FeatureContext.Builder builder = FeatureContext.builder().userId("u-1").attribute("region", "US");
		FeatureContext first = builder.build();
		FeatureContext second = builder.attribute("region", "RO").attribute("plan", "free").build();
		FeatureContext third = second.toBuilder().attribute("plan", null).build();
		assertThat(first.attributes()).containsExactly(Map.entry("region", "US"));
		assertThat(second.attributes()).containsExactly(Map.entry("region", "RO"), Map.entry("plan", "free"));
		assertThat(third.attributes()).containsExactly(Map.entry("region", "RO"));
		assertThat(second.attributes()).containsExactly(Map.entry("region", "RO"), Map.entry("plan", "free"));
	}

	@Test
	void manyAttributesGrowTheContext() {
		FeatureContext.Builder builder = FeatureContext.builder();
		Map<String, String> expected = new LinkedHashMap<>();
		for (int i = 0; i < 40; i++) {
			builder.attribute("k" + i, "v" + i);
			expected.put("k" + i, "v" + i);
		}
		FeatureContext context = builder.build();
		assertThat(context.attributes()).containsExactlyEntriesOf(expected);
		assertThat(context.customAttribute("k39")).isEqualTo("v39");
	}

	@Test
	void theAttributeMapIsReadOnlyAndEqualToAnyMapWithTheSameEntries() {
		FeatureContext context = FeatureContext.builder().attribute("region", "US").attribute("plan", "free").build();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> context.attributes().put("x", "y"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> context.attributes().clear());
		assertThat(context.attributes()).isEqualTo(Map.of("plan", "free", "region", "US"));
		assertThat(context)
			.isEqualTo(FeatureContext.builder().attribute("plan", "free").attribute("region", "US").build())
			.hasSameHashCodeAs(FeatureContext.builder().attribute("plan", "free").attribute("region", "US").build());
		assertThat(context.toString()).contains("attributes={region=US, plan=free}");
	}

	@Test
	void bucketingHashesOfCustomAttributesAreTheXxHash64OfTheirValue() {
		FeatureContext context = FeatureContext.builder()
			.attribute("accountId", "acct-7")
			.attribute("name", "üser-ß")
			.environment("production")
			.build();
		for (int i = 0; i < 2; i++) {
			assertThat(DefaultFeatureContext.bucketingHash(context, "accountId")).isEqualTo(Hashing.xxHash64("acct-7"));
			assertThat(DefaultFeatureContext.bucketingHash(context, "name"))
				.isEqualTo(Long.parseUnsignedLong("4814fa69a8f79031", 16));
			assertThat(DefaultFeatureContext.bucketingHash(context, "environment"))
				.isEqualTo(Hashing.xxHash64("production"));
			assertThat(DefaultFeatureContext.bucketingHash(context, "userId")).isZero();
		}
	}

}
