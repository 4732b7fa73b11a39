package io.flagstaff.openfeature;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import io.flagstaff.model.FeatureDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Flagstaff's events reach OpenFeature: READY once registered, CONFIGURATION_CHANGED with
 * exactly the changed keys, STALE while the store is down or its content invalid, READY
 * again after.
 */
class ProviderEventsTests {

	private final Fixture fixture = Fixture.create();

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private Client client;

	@BeforeEach
	void register() {
		for (ProviderEvent event : ProviderEvent.values()) {
			this.api.on(event, (details) -> this.received.add(new Received(event, details)));
		}
		this.api.setProviderAndWait(this.fixture.provider);
		this.client = this.api.getClient();
	}

	@AfterEach
	void close() {
		this.api.shutdown();
		this.fixture.flagstaff.close();
	}

	@Test
	void theProviderIsReadyOnceRegistered() {
		assertThat(this.client.getProviderState()).isEqualTo(ProviderState.READY);
		await().atMost(deadline()).until(() -> has(ProviderEvent.PROVIDER_READY));
	}

	@Test
	void aSnapshotSwapTellsExactlyTheKeysThatChanged() {
		this.fixture.store.content().put(FeatureDefinition.builder("plain").enabled(false).build());
		this.fixture.store.content().put(FeatureDefinition.builder("brand-new").build());
		this.fixture.store.content().remove("half");
		await().atMost(deadline()).until(() -> changed().size() == 3);
		// the SDK delivers events on a thread pool, so in any order
		assertThat(changed()).containsExactlyInAnyOrder(List.of("plain"), List.of("brand-new"), List.of("half"));
		assertThat(this.client.getBooleanValue("plain", true)).isFalse();
	}

	@Test
	void anOverrideIsAChangeOfTheForcedKey() {
		this.fixture.flagstaff.overrides().force("vip", true);
		await().atMost(deadline()).until(() -> changed().size() == 1);
		assertThat(changed()).containsExactly(List.of("vip"));
	}

	@Test
	void theProviderIsStaleWhileTheStoreIsDownAndReadyWhenItIsBack() {
		this.fixture.store.goDown();
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.STALE);
		assertThat(this.client.getBooleanValue("plain", false)).as("the last good flags keep serving").isTrue();
		EventDetails stale = last(ProviderEvent.PROVIDER_STALE);
		assertThat(stale.getMessage()).contains("unreachable", "last good flags");
		this.fixture.store.comeBack();
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.READY);
	}

	@Test
	void invalidContentMakesTheProviderStaleUntilAGoodSnapshotServes() {
		this.fixture.store.content()
			.put(FeatureDefinition.builder("broken")
				.rule(io.flagstaff.model.Rule.variant(List.of(), "missing"))
				.build());
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.STALE);
		assertThat(last(ProviderEvent.PROVIDER_STALE).getMessage()).contains("Reloading the flags failed", "missing");
		this.fixture.store.content().remove("broken");
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.READY);
	}

	@Test
	void aStaleEventIsSentOncePerOutage() {
		this.fixture.store.goDown();
		assertThatExceptionOfType(RuntimeException.class).as("a reload while down")
			.isThrownBy(this.fixture.flagstaff::refresh);
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.STALE);
		this.fixture.store.comeBack();
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.READY);
		assertThat(this.received).filteredOn((r) -> r.event() == ProviderEvent.PROVIDER_STALE).hasSize(1);
	}

	@Test
	void eventsReachOpenFeatureInFlagstaffsOrderSoAFlappingStoreEndsReady() {
		for (int i = 0; i < 20; i++) {
			this.fixture.store.goDown();
			this.fixture.store.comeBack();
		}
		await().atMost(deadline())
			.until(() -> this.received.stream().filter((r) -> r.event() == ProviderEvent.PROVIDER_STALE).count() == 20);
		await().atMost(deadline()).until(() -> this.client.getProviderState() == ProviderState.READY);
	}

	private List<List<String>> changed() {
		return this.received.stream()
			.filter((r) -> r.event() == ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
			.map((r) -> r.details().getFlagsChanged())
			.toList();
	}

	private boolean has(ProviderEvent event) {
		return this.received.stream().anyMatch((r) -> r.event() == event);
	}

	private EventDetails last(ProviderEvent event) {
		await().atMost(deadline()).until(() -> has(event));
		return this.received.stream().filter((r) -> r.event() == event).reduce((a, b) -> b).orElseThrow().details();
	}

	private static Duration deadline() {
		return Duration.ofSeconds(10);
	}

	private record Received(ProviderEvent event, EventDetails details) {
	}

}
