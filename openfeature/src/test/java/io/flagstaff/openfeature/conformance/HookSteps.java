package io.flagstaff.openfeature.conformance;

import java.util.Map;

import dev.openfeature.sdk.FlagEvaluationDetails;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of hooks.feature: a hook on the client, which stages ran, and the details the
 * after and finally stages received.
 */
public class HookSteps {

	private final ScenarioState state;

	public HookSteps(ScenarioState state) {
		this.state = state;
	}

	@Given("a client with added hook")
	public void aClientWithAddedHook() {
		this.state.hook = new RecordingHook();
		this.state.client().addHooks(this.state.hook);
	}

	@Then("the {string} hook should have been executed")
	public void theHookRan(String stage) {
		assertThat(this.state.hook.ran(stage)).as("the %s stage ran", stage).isTrue();
	}

	@Then("the {string} hooks should be called with evaluation details")
	public void theHooksSaw(String stages, DataTable table) {
		for (String stage : stages.split(", ")) {
			theHookRan(stage);
			FlagEvaluationDetails<Object> details = this.state.hook.details.get(stage);
			assertThat(details).as("details given to the %s stage", stage).isNotNull();
			for (Map<String, String> row : table.asMaps()) {
				Object expected = Conversions.convert(row.get("value"), row.get("data_type"));
				Object actual = switch (row.get("key")) {
					case "flag_key" -> details.getFlagKey();
					case "value" -> details.getValue();
					case "variant" -> details.getVariant();
					case "reason" -> details.getReason();
					case "error_code" -> (details.getErrorCode() != null) ? details.getErrorCode().name() : null;
					default -> throw new IllegalArgumentException("Unknown detail '" + row.get("key") + "'");
				};
				assertThat(actual).as("%s given to the %s stage", row.get("key"), stage).isEqualTo(expected);
			}
		}
	}

}
