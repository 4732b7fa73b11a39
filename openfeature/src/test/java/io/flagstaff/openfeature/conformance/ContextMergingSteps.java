package io.flagstaff.openfeature.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationOptions;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.flagstaff.FeatureContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of contextMerging.feature: entries added at the API, transaction, client,
 * invocation and before-hook levels; the merged context is the {@code FeatureContext} the
 * provider's context mapper produced for a flag that reads the context.
 */
public class ContextMergingSteps {

	/** A flag with targeting, so evaluating it maps the context. */
	private static final String FLAG = "complex-targeted";

	private final ScenarioState state;

	public ContextMergingSteps(ScenarioState state) {
		this.state = state;
	}

	@Given("A context entry with key {string} and value {string} is added to the {string} level")
	public void anEntry(String key, String value, String level) {
		this.state.levels.computeIfAbsent(level, (name) -> new HashMap<>()).put(key, new Value(value));
	}

	@Given("A table with levels of increasing precedence")
	public void levels(DataTable table) {
		this.state.precedence = table.asList();
	}

	@Given("Context entries for each level from API level down to the {string} level, with key {string} and value {string}")
	public void entriesDownTo(String last, String key, String value) {
		for (String level : this.state.precedence) {
			anEntry(key, level.equals(last) ? value : level + " value", level);
			if (level.equals(last)) {
				return;
			}
		}
	}

	@When("Some flag was evaluated")
	public void someFlagWasEvaluated() {
		EvaluationContext invocation = ImmutableContext.EMPTY;
		FlagEvaluationOptions options = FlagEvaluationOptions.EMPTY;
		for (Map.Entry<String, Map<String, Value>> entry : this.state.levels.entrySet()) {
			ImmutableContext context = new ImmutableContext(entry.getValue());
			switch (entry.getKey()) {
				case "API" -> this.state.api.setEvaluationContext(context);
				case "Transaction" -> this.state.api.setTransactionContext(context);
				case "Client" -> this.state.client().setEvaluationContext(context);
				case "Invocation" -> invocation = context;
				case "Before Hooks" -> options = FlagEvaluationOptions.builder().hook(new Hook<Object>() {
					@Override
					public Optional<EvaluationContext> before(HookContext<Object> ctx, Map<String, Object> hints) {
						return Optional.of(context);
					}
				}).build();
				default -> throw new IllegalArgumentException("Unknown level '" + entry.getKey() + "'");
			}
		}
		this.state.details = this.state.client().getStringDetails(FLAG, "fallback", invocation, options);
	}

	@Then("The merged context contains an entry with key {string} and value {string}")
	public void theMergedContextContains(String key, String value) {
		FeatureContext mapped = this.state.mapped;
		assertThat(mapped).as("the context the provider mapped").isNotNull();
		assertThat(mapped.attribute(key)).as("attribute %s of %s", key, mapped).isEqualTo(value);
	}

}
