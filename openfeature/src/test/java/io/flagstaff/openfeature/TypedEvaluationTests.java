package io.flagstaff.openfeature;

import java.util.Map;
import java.util.stream.Stream;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Values are typed against the type a flag's variants declare: the right getter answers
 * the served value, any other answers the caller's default with TYPE_MISMATCH.
 */
class TypedEvaluationTests {

	private final Fixture fixture = Fixture.create();

	private final FlagstaffProvider provider = this.fixture.provider;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	static Stream<Arguments> servedValues() {
		return Stream.of(Arguments.of("plain", "boolean", true, "on"), Arguments.of("theme", "string", "dark", "dark"),
				Arguments.of("checkout-steps", "integer", 3, "three"),
				Arguments.of("checkout-steps", "long", 3L, "three"),
				Arguments.of("checkout-steps", "double", 3.0, "three"), Arguments.of("ratio", "double", 0.25, "low"),
				Arguments.of("big-number", "long", 3_000_000_000L, "big"),
				Arguments.of("big-number", "double", 3.0e9, "big"));
	}

	@ParameterizedTest(name = "{0} as {1} is {2}")
	@MethodSource("servedValues")
	void theRightGetterAnswersTheServedValueAndVariant(String key, String type, Object value, String variant) {
		ProviderEvaluation<?> result = evaluate(type, key);
		assertThat(result.getErrorCode()).isNull();
		assertThat(result.getValue()).isEqualTo(value);
		assertThat(result.getVariant()).isEqualTo(variant);
	}

	static Stream<Arguments> mismatches() {
		return Stream.of(Arguments.of("plain", "string", "getBooleanValue"),
				Arguments.of("plain", "integer", "getBooleanValue"), Arguments.of("plain", "object", "getBooleanValue"),
				Arguments.of("theme", "boolean", "getStringValue"), Arguments.of("theme", "double", "getStringValue"),
				Arguments.of("checkout-steps", "string", "getIntegerValue or getLongValue"),
				Arguments.of("checkout-steps", "boolean", "getIntegerValue or getLongValue"),
				Arguments.of("ratio", "integer", "getDoubleValue"), Arguments.of("ratio", "long", "getDoubleValue"),
				Arguments.of("banner", "string", "getObjectValue"),
				Arguments.of("layout", "boolean", "getStringValue"));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("mismatches")
	void anotherGetterAnswersTheDefaultWithTypeMismatchNamingTheRightGetter(String key, String type, String getter) {
		ProviderEvaluation<?> result = evaluate(type, key);
		assertThat(result.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
		assertThat(result.getReason()).isEqualTo("ERROR");
		assertThat(result.getValue()).isEqualTo(defaultOf(type));
		assertThat(result.getVariant()).isNull();
		assertThat(result.getErrorMessage()).contains("'" + key + "'", getter);
	}

	@Test
	void anIntegerThatDoesNotFitAnIntIsAMismatchPointingToTheLongGetter() {
		ProviderEvaluation<Integer> result = this.provider.getIntegerEvaluation("big-number", 7,
				ImmutableContext.EMPTY);
		assertThat(result.getValue()).isEqualTo(7);
		assertThat(result.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
		assertThat(result.getErrorMessage()).contains("getLongValue");
	}

	@Test
	void variantsWithoutValuesServeTheirNamesAsStrings() {
		ProviderEvaluation<String> result = this.provider.getStringEvaluation("layout", "none", Fixture.user("u-42"));
		assertThat(result.getValue()).isIn("control", "one-page", "two-page").isEqualTo(result.getVariant());
		assertThat(result.getReason()).isEqualTo("SPLIT");
	}

	@Test
	void objectsAreStructuresWithListsAndNestedStructures() {
		Value value = this.provider.getObjectEvaluation("banner", new Value(), ImmutableContext.EMPTY).getValue();
		assertThat(value.asStructure().getValue("title").asString()).isEqualTo("Spring sale");
		assertThat(value.asStructure().getValue("slots").asList()).extracting(Value::asInteger)
			.containsExactly(1, 2, 3);
		assertThat(value.asStructure().getValue("nested").asStructure().getValue("on").asBoolean()).isTrue();
	}

	@Test
	void anOffBooleanFlagIsFalseWhateverTheDefaultWithVariantOff() {
		ProviderEvaluation<Boolean> result = this.provider.getBooleanEvaluation("off", true, ImmutableContext.EMPTY);
		assertThat(result.getValue()).isFalse();
		assertThat(result.getVariant()).isEqualTo("off");
		assertThat(result.getReason()).isEqualTo("DISABLED");
		assertThat(result.getErrorCode()).isNull();
	}

	@Test
	void anOffFlagOfAnotherTypeAnswersTheCallersDefaultWithoutVariant() {
		this.fixture.flagstaff.overrides().force("theme", false);
		ProviderEvaluation<String> result = this.provider.getStringEvaluation("theme", "fallback",
				ImmutableContext.EMPTY);
		assertThat(result.getValue()).isEqualTo("fallback");
		assertThat(result.getVariant()).isNull();
		assertThat(result.getReason()).isEqualTo("STATIC");
		assertThat(result.getErrorCode()).isNull();
	}

	@Test
	void aMixedFlagIsCheckedPerServedValue() {
		assertThat(this.provider.getStringEvaluation("mixed", "x", Fixture.user("u-1", "kind", "text")).getValue())
			.isEqualTo("hello");
		assertThat(this.provider.getIntegerEvaluation("mixed", 0, Fixture.user("u-1", "kind", "number")).getValue())
			.isEqualTo(7);
		ProviderEvaluation<Integer> wrong = this.provider.getIntegerEvaluation("mixed", 0,
				Fixture.user("u-1", "kind", "text"));
		assertThat(wrong.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
		assertThat(wrong.getErrorMessage()).contains("variant 'text'", "not an Integer");
	}

	@Test
	void aResultThatDoesNotDependOnTheDefaultIsSharedAndCannotBeChanged() {
		ProviderEvaluation<String> first = this.provider.getStringEvaluation("theme", "a", Fixture.user("u-1"));
		ProviderEvaluation<String> second = this.provider.getStringEvaluation("theme", "b", Fixture.user("u-2"));
		assertThat(second).isSameAs(first);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> first.setValue("light"))
			.withMessageContaining("copy it");
		assertThat(first.getValue()).isEqualTo("dark");
	}

	@Test
	void anUnknownKeyIsFlagNotFoundNamingTheClosestKeysAndIsCountedAsUnknown() {
		ProviderEvaluation<Boolean> result = this.provider.getBooleanEvaluation("plian", true, ImmutableContext.EMPTY);
		assertThat(result.getValue()).isTrue();
		assertThat(result.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
		assertThat(result.getErrorMessage()).contains("'plian'", "plain");
		assertThat(this.fixture.flagstaff.unknownFlagCounts()).containsEntry("plian", 1L);
	}

	@Test
	void inStrictModeAnUnknownKeyIsStillAnAnswerNotAnException() {
		try (Fixture strict = Fixture.create((builder) -> builder.strict(true), (builder) -> builder)) {
			ProviderEvaluation<String> result = strict.provider.getStringEvaluation("nope", "d",
					ImmutableContext.EMPTY);
			assertThat(result.getValue()).isEqualTo("d");
			assertThat(result.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
			assertThat(result.getErrorMessage()).contains("'nope'");
		}
	}

	@Test
	void aNullContextIsTheEmptyContext() {
		assertThat(this.provider.getBooleanEvaluation("vip", false, null).getValue()).isFalse();
	}

	private ProviderEvaluation<?> evaluate(String type, String key) {
		ImmutableContext context = new ImmutableContext("u-1", Map.of());
		return switch (type) {
			case "boolean" -> this.provider.getBooleanEvaluation(key, false, context);
			case "string" -> this.provider.getStringEvaluation(key, "default", context);
			case "integer" -> this.provider.getIntegerEvaluation(key, -1, context);
			case "long" -> this.provider.getLongEvaluation(key, -1L, context);
			case "double" -> this.provider.getDoubleEvaluation(key, -1.0, context);
			case "object" -> this.provider.getObjectEvaluation(key, new Value("default"), context);
			default -> throw new IllegalArgumentException(type);
		};
	}

	private static Object defaultOf(String type) {
		return switch (type) {
			case "boolean" -> false;
			case "string" -> "default";
			case "integer" -> -1;
			case "long" -> -1L;
			case "double" -> -1.0;
			default -> new Value("default");
		};
	}

}
