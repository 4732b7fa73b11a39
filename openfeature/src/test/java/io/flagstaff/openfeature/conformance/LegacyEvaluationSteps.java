package io.flagstaff.openfeature.conformance;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the deprecated evaluation.feature (superseded by evaluation_v2.feature,
 * and still run).
 */
public class LegacyEvaluationSteps {

	private final ScenarioState state;

	private @Nullable Object value;

	private @Nullable FlagEvaluationDetails<?> details;

	private @Nullable Object fallback;

	public LegacyEvaluationSteps(ScenarioState state) {
		this.state = state;
	}

	@When("a boolean flag with key {string} is evaluated with default value {string}")
	public void aBoolean(String key, String fallback) {
		this.value = this.state.client().getBooleanValue(key, Boolean.parseBoolean(fallback));
	}

	@Then("the resolved boolean value should be {string}")
	public void theBoolean(String expected) {
		assertThat(this.value).isEqualTo(Boolean.parseBoolean(expected));
	}

	@When("a string flag with key {string} is evaluated with default value {string}")
	public void aString(String key, String fallback) {
		this.value = this.state.client().getStringValue(key, fallback);
	}

	@Then("the resolved string value should be {string}")
	public void theString(String expected) {
		assertThat(this.value).isEqualTo(expected);
	}

	@When("an integer flag with key {string} is evaluated with default value {int}")
	public void anInteger(String key, int fallback) {
		this.value = this.state.client().getIntegerValue(key, fallback);
	}

	@Then("the resolved integer value should be {int}")
	public void theInteger(int expected) {
		assertThat(this.value).isEqualTo(expected);
	}

	@When("a float flag with key {string} is evaluated with default value {double}")
	public void aFloat(String key, double fallback) {
		this.value = this.state.client().getDoubleValue(key, fallback);
	}

	@Then("the resolved float value should be {double}")
	public void theFloat(double expected) {
		assertThat(this.value).isEqualTo(expected);
	}

	@When("an object flag with key {string} is evaluated with a null default value")
	public void anObject(String key) {
		this.value = this.state.client().getObjectValue(key, new Value());
	}

	@Then("the resolved object value should be contain fields {string}, {string}, and {string}, with values {string}, {string} and {int}, respectively")
	public void theObject(String boolField, String stringField, String numberField, String boolValue,
			String stringValue, int numberValue) {
		assertFields((Value) this.value, boolField, stringField, numberField, boolValue, stringValue, numberValue);
	}

	@When("a boolean flag with key {string} is evaluated with details and default value {string}")
	public void aBooleanWithDetails(String key, String fallback) {
		this.details = this.state.client().getBooleanDetails(key, Boolean.parseBoolean(fallback));
	}

	@Then("the resolved boolean details value should be {string}, the variant should be {string}, and the reason should be {string}")
	public void theBooleanDetails(String expected, String variant, String reason) {
		assertDetails(Boolean.parseBoolean(expected), variant, reason);
	}

	@When("a string flag with key {string} is evaluated with details and default value {string}")
	public void aStringWithDetails(String key, String fallback) {
		this.details = this.state.client().getStringDetails(key, fallback);
	}

	@Then("the resolved string details value should be {string}, the variant should be {string}, and the reason should be {string}")
	public void theStringDetails(String expected, String variant, String reason) {
		assertDetails(expected, variant, reason);
	}

	@When("an integer flag with key {string} is evaluated with details and default value {int}")
	public void anIntegerWithDetails(String key, int fallback) {
		this.details = this.state.client().getIntegerDetails(key, fallback);
	}

	@Then("the resolved integer details value should be {int}, the variant should be {string}, and the reason should be {string}")
	public void theIntegerDetails(int expected, String variant, String reason) {
		assertDetails(expected, variant, reason);
	}

	@When("a float flag with key {string} is evaluated with details and default value {double}")
	public void aFloatWithDetails(String key, double fallback) {
		this.details = this.state.client().getDoubleDetails(key, fallback);
	}

	@Then("the resolved float details value should be {double}, the variant should be {string}, and the reason should be {string}")
	public void theFloatDetails(double expected, String variant, String reason) {
		assertDetails(expected, variant, reason);
	}

	@When("an object flag with key {string} is evaluated with details and a null default value")
	public void anObjectWithDetails(String key) {
		this.details = this.state.client().getObjectDetails(key, new Value());
	}

	@Then("the resolved object details value should be contain fields {string}, {string}, and {string}, with values {string}, {string} and {int}, respectively")
	public void theObjectDetails(String boolField, String stringField, String numberField, String boolValue,
			String stringValue, int numberValue) {
		assertFields((Value) this.details.getValue(), boolField, stringField, numberField, boolValue, stringValue,
				numberValue);
	}

	@Then("the variant should be {string}, and the reason should be {string}")
	public void theVariantAndReason(String variant, String reason) {
		assertThat(this.details.getVariant()).isEqualTo(variant);
		assertThat(this.details.getReason()).isEqualTo(reason);
	}

	@When("context contains keys {string}, {string}, {string}, {string} with values {string}, {string}, {int}, {string}")
	public void aContext(String k1, String k2, String k3, String k4, String v1, String v2, int v3, String v4) {
		this.state.context = new MutableContext().add(k1, v1).add(k2, v2).add(k3, v3).add(k4, Boolean.parseBoolean(v4));
	}

	@When("a flag with key {string} is evaluated with default value {string}")
	public void aFlagInContext(String key, String fallback) {
		this.state.flagKey = key;
		this.fallback = fallback;
		this.value = this.state.client().getStringValue(key, fallback, this.state.context);
	}

	@Then("the resolved string response should be {string}")
	public void theStringResponse(String expected) {
		assertThat(this.value).isEqualTo(expected);
	}

	@Then("the resolved flag value is {string} when the context is empty")
	public void theValueWithoutContext(String expected) {
		assertThat(
				this.state.client().getStringValue(this.state.flagKey, (String) this.fallback, new ImmutableContext()))
			.isEqualTo(expected);
	}

	@When("a non-existent string flag with key {string} is evaluated with details and a fallback value {string}")
	public void aMissingFlag(String key, String fallback) {
		this.fallback = fallback;
		this.details = this.state.client().getStringDetails(key, fallback);
	}

	@Then("the default string value should be returned")
	public void theDefaultString() {
		assertThat(this.details.getValue()).isEqualTo(this.fallback);
	}

	@Then("the reason should indicate an error and the error code should indicate a missing flag with {string}")
	public void aMissingFlagError(String code) {
		assertError(code);
	}

	@When("a string flag with key {string} is evaluated as an integer, with details and a fallback value {int}")
	public void aMistypedFlag(String key, int fallback) {
		this.fallback = fallback;
		this.details = this.state.client().getIntegerDetails(key, fallback);
	}

	@Then("the default integer value should be returned")
	public void theDefaultInteger() {
		assertThat(this.details.getValue()).isEqualTo(this.fallback);
	}

	@Then("the reason should indicate an error and the error code should indicate a type mismatch with {string}")
	public void aTypeMismatch(String code) {
		assertError(code);
	}

	private void assertDetails(Object value, String variant, String reason) {
		assertThat(this.details.getValue()).isEqualTo(value);
		assertThat(this.details.getVariant()).isEqualTo(variant);
		assertThat(this.details.getReason()).isEqualTo(reason);
	}

	private void assertError(String code) {
		assertThat(this.details.getReason()).isEqualTo(Reason.ERROR.name());
		assertThat(this.details.getErrorCode()).isEqualTo(ErrorCode.valueOf(code));
	}

	private static void assertFields(Value value, String boolField, String stringField, String numberField,
			String boolValue, String stringValue, int numberValue) {
		Structure structure = value.asStructure();
		assertThat(structure.getValue(boolField).asBoolean()).isEqualTo(Boolean.parseBoolean(boolValue));
		assertThat(structure.getValue(stringField).asString()).isEqualTo(stringValue);
		assertThat(structure.getValue(numberField).asInteger()).isEqualTo(numberValue);
	}

}
