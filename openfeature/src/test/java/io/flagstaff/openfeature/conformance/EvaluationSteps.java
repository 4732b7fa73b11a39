package io.flagstaff.openfeature.conformance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagEvaluationOptions;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of evaluation_v2.feature and metadata.feature: a typed flag with a fallback,
 * a context, an evaluation with details, and what the details must say.
 */
public class EvaluationSteps {

	private final ScenarioState state;

	private @Nullable FlagEvaluationOptions options;

	private @Nullable List<String> journal;

	private @Nullable CompletableFuture<FlagEvaluationDetails<?>> pending;

	public EvaluationSteps(ScenarioState state) {
		this.state = state;
	}

	@Given("a {}-flag with key {string} and a fallback value {string}")
	public void aFlag(String type, String key, String fallback) {
		this.state.flagType = type;
		this.state.flagKey = key;
		this.state.defaultValue = Conversions.convert(fallback, type);
	}

	@Given("a context containing a key {string}, with type {string} and with value {string}")
	public void aContextEntry(String key, String type, String value) {
		Object converted = Conversions.convert(value, type);
		put(key, (converted != null) ? Value.objectToValue(converted) : new Value());
	}

	@Given("a context containing a key {string} with null value")
	public void aNullContextEntry(String key) {
		put(key, new Value());
	}

	private void put(String key, Value value) {
		Map<String, Value> entries = this.state.context.asMap();
		entries.put(key, value);
		this.state.context = new MutableContext(this.state.context.getTargetingKey(), entries);
	}

	@When("the flag was evaluated with details")
	public void evaluated() {
		this.state.details = evaluate(this.state.client(), this.state.context, FlagEvaluationOptions.EMPTY);
	}

	@When("the flag was evaluated with details asynchronously")
	public void evaluatedAsynchronously() {
		Client client = this.state.client();
		MutableContext context = this.state.context;
		this.pending = CompletableFuture.supplyAsync(() -> evaluate(client, context, FlagEvaluationOptions.EMPTY));
	}

	@Then("the evaluation should complete without blocking")
	public void completesWithoutBlocking() throws Exception {
		this.state.details = this.pending.get(10, TimeUnit.SECONDS);
	}

	@Given("evaluation options containing specific hooks")
	public void optionsWithHooks() {
		this.journal = new CopyOnWriteArrayList<>();
		this.options = FlagEvaluationOptions.builder()
			.hook(new RecordingHook("first", this.journal))
			.hook(new RecordingHook("second", this.journal))
			.build();
	}

	@When("the flag was evaluated with details using the evaluation options")
	public void evaluatedWithOptions() {
		this.state.details = evaluate(this.state.client(), this.state.context, this.options);
	}

	@Then("the specified hooks should execute during evaluation")
	public void hooksExecuted() {
		assertThat(this.journal).contains("first:before", "second:before", "first:after", "second:after",
				"first:finally", "second:finally");
	}

	@Then("the hook order should be maintained")
	public void hookOrder() {
		// a stack: the after and finally stages run in the reverse order of the before
		// stage
		List<String> before = stage("before");
		assertThat(before).containsExactlyInAnyOrder("first", "second");
		List<String> reversed = new java.util.ArrayList<>(before);
		java.util.Collections.reverse(reversed);
		assertThat(stage("after")).isEqualTo(reversed);
		assertThat(stage("finally")).isEqualTo(reversed);
	}

	@Then("the resolved details value should be {string}")
	public void theValue(String expected) {
		Object value = this.state.details().getValue();
		Object wanted = Conversions.convert(expected, this.state.flagType);
		if (this.state.flagType.equalsIgnoreCase("object")) {
			assertThat(((Value) value).asStructure().asObjectMap())
				.isEqualTo(((Value) wanted).asStructure().asObjectMap());
		}
		else {
			assertThat(value).isEqualTo(wanted);
		}
	}

	@Then("the flag key should be {string}")
	public void theFlagKey(String key) {
		assertThat(this.state.details().getFlagKey()).isEqualTo(key);
	}

	@Then("the reason should be {string}")
	public void theReason(String reason) {
		assertThat(this.state.details().getReason()).isEqualTo(reason);
	}

	@Then("the variant should be {string}")
	public void theVariant(String variant) {
		assertThat(this.state.details().getVariant()).isEqualTo(variant);
	}

	@Then("the error-code should be {string}")
	public void theErrorCode(String code) {
		if (code.isEmpty()) {
			assertThat(this.state.details().getErrorCode()).isNull();
		}
		else {
			assertThat(this.state.details().getErrorCode()).isEqualTo(ErrorCode.valueOf(code));
			assertThat(this.state.details().getErrorMessage()).isNotBlank();
		}
	}

	@Then("the resolved metadata should contain")
	public void theMetadataContains(DataTable table) {
		ImmutableMetadata metadata = this.state.details().getFlagMetadata();
		for (Map<String, String> row : table.asMaps()) {
			Object expected = Conversions.convert(row.get("value"), row.get("metadata_type"));
			assertThat(expected).isNotNull();
			assertThat(metadata.getValue(row.get("key"), expected.getClass())).as("metadata %s", row.get("key"))
				.isEqualTo(expected);
		}
	}

	@Then("the resolved metadata is empty")
	public void theMetadataIsEmpty() {
		assertThat(this.state.details().getFlagMetadata().isEmpty()).isTrue();
	}

	private List<String> stage(String stage) {
		return this.journal.stream()
			.filter((entry) -> entry.endsWith(":" + stage))
			.map((entry) -> entry.substring(0, entry.indexOf(':')))
			.toList();
	}

	private FlagEvaluationDetails<?> evaluate(Client client, EvaluationContext context, FlagEvaluationOptions options) {
		String key = this.state.flagKey;
		Object fallback = this.state.defaultValue;
		return switch (this.state.flagType.toLowerCase(java.util.Locale.ROOT)) {
			case "boolean" -> client.getBooleanDetails(key, (Boolean) fallback, context, options);
			case "string" -> client.getStringDetails(key, (String) fallback, context, options);
			case "integer" -> client.getIntegerDetails(key, (Integer) fallback, context, options);
			case "long" -> client.getLongDetails(key, (Long) fallback, context, options);
			case "float", "double" -> client.getDoubleDetails(key, (Double) fallback, context, options);
			case "object" -> client.getObjectDetails(key, (Value) fallback, context, options);
			default -> throw new IllegalArgumentException("Unknown flag type '" + this.state.flagType + "'");
		};
	}

}
