package io.flagstaff.openfeature.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.openfeature.FlagstaffProvider;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario builds up, shared by the step classes (one instance per scenario,
 * injected by PicoContainer): an isolated OpenFeature API, the Flagstaff and provider
 * under test, the flag being evaluated and its result.
 */
public class ScenarioState {

	final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	@Nullable Client client;

	@Nullable Flagstaff flagstaff;

	@Nullable OutageStore store;

	@Nullable FlagstaffProvider provider;

	/**
	 * Released at the end of the scenario: the initialization of a not-ready provider
	 * waits for it.
	 */
	final CountDownLatch release = new CountDownLatch(1);

	/** The last context the provider mapped (the "retrievable context"). */
	volatile @Nullable FeatureContext mapped;

	String flagType = "";

	String flagKey = "";

	@Nullable Object defaultValue;

	MutableContext context = new MutableContext();

	@Nullable FlagEvaluationDetails<?> details;

	@Nullable RecordingHook hook;

	/** Context entries by level (API, Transaction, Client, Invocation, Before Hooks). */
	final Map<String, Map<String, Value>> levels = new LinkedHashMap<>();

	List<String> precedence = new ArrayList<>();

	Client client() {
		if (this.client == null) {
			throw new IllegalStateException("No provider was set up in this scenario");
		}
		return this.client;
	}

	FlagEvaluationDetails<?> details() {
		if (this.details == null) {
			throw new IllegalStateException("No flag was evaluated in this scenario");
		}
		return this.details;
	}

}
