package io.flagstaff.openfeature.conformance;

import java.time.Duration;

import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.ThreadLocalTransactionContextPropagator;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.openfeature.ContextMapper;
import io.flagstaff.openfeature.FlagstaffProvider;
import io.flagstaff.store.InMemoryFeatureStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sets up a FlagstaffProvider in each state the features name, for real: stable (the test
 * flags), not ready (its Flagstaff is still being built), error (its document does not
 * parse), fatal (initialized after a shutdown) and stale (its store went down).
 */
public class ProviderSteps {

	private final ScenarioState state;

	public ProviderSteps(ScenarioState state) {
		this.state = state;
	}

	@Given("a {} provider")
	public void aProvider(String kind) throws InterruptedException {
		switch (kind.replace("\"", "").trim()) {
			case "stable", "ready" -> register(stable());
			case "not ready" -> notReady();
			case "error" -> error();
			case "fatal" -> fatal();
			case "stale" -> stale();
			default -> throw new IllegalArgumentException("Unknown provider kind '" + kind + "'");
		}
	}

	@Given("a stable provider with retrievable context is registered")
	public void aStableProviderWithRetrievableContext() {
		register(stable());
		this.state.api.setTransactionContextPropagator(new ThreadLocalTransactionContextPropagator());
	}

	@Then("the provider status should be {string}")
	public void theProviderStatusShouldBe(String status) {
		assertThat(this.state.client().getProviderState()).isEqualTo(ProviderState.valueOf(status));
	}

	@After
	public void tearDown() {
		this.state.release.countDown();
		this.state.api.shutdown();
		if (this.state.flagstaff != null) {
			this.state.flagstaff.close();
		}
	}

	private FlagstaffProvider stable() {
		this.state.store = new OutageStore(TestFlags.load());
		this.state.flagstaff = Flagstaff.builder(this.state.store).build();
		ContextMapper standard = ContextMapper.standard();
		return FlagstaffProvider.builder(this.state.flagstaff).contextMapper((context, base) -> {
			FeatureContext mapped = standard.map(context, base);
			this.state.mapped = mapped;
			return mapped;
		}).build();
	}

	private void register(FlagstaffProvider provider) {
		this.state.provider = provider;
		this.state.api.setProviderAndWait(provider);
		this.state.client = this.state.api.getClient();
	}

	private void notReady() {
		FlagstaffProvider provider = FlagstaffProvider.builder(() -> {
			try {
				this.state.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Flagstaff.builder(new InMemoryFeatureStore(TestFlags.load())).build();
		}).build();
		this.state.provider = provider;
		this.state.api.setProvider(provider);
		this.state.client = this.state.api.getClient();
	}

	private void error() {
		FlagstaffProvider provider = FlagstaffProvider.builder(() -> Flagstaff
			.builder(new InMemoryFeatureStore(
					FeatureDocuments.parse("version: 1\nfeatures:\n  broken: { rollout: 150 }\n", "broken.yml")))
			.build()).build();
		registerFailing(provider);
	}

	private void fatal() {
		FlagstaffProvider provider = stable();
		provider.shutdown();
		registerFailing(provider);
	}

	private void registerFailing(FlagstaffProvider provider) {
		this.state.provider = provider;
		try {
			this.state.api.setProviderAndWait(provider);
		}
		catch (OpenFeatureError expected) {
			// the state tells the rest
		}
		this.state.client = this.state.api.getClient();
	}

	private void stale() {
		register(stable());
		this.state.store.goDown();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.state.client().getProviderState() == ProviderState.STALE);
	}

}
