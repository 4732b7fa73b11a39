package io.flagstaff.openfeature;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.store.FeatureStore;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.StoreContent;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A provider over a factory builds its Flagstaff when initialized and closes it when shut
 * down; an invalid document is ERROR with PARSE_ERROR answers, an unreachable store ERROR
 * with GENERAL answers; a provider shut down cannot come back (FATAL).
 */
class ProviderLifecycleTests {

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	@AfterEach
	void close() {
		this.api.shutdown();
	}

	@Test
	void aFactoryProviderIsNotReadyUntilInitialized() {
		FlagstaffProvider provider = FlagstaffProvider
			.builder(() -> Flagstaff.builder(new InMemoryFeatureStore()).build())
			.build();
		ProviderEvaluation<Boolean> result = provider.getBooleanEvaluation("plain", true, ImmutableContext.EMPTY);
		assertThat(result.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_NOT_READY);
		assertThat(result.getValue()).isTrue();
		assertThat(provider.flagstaff()).isNull();
	}

	@Test
	void aFactoryProviderBuildsItsFlagstaffAndClosesItOnShutdown() {
		AtomicBoolean closed = new AtomicBoolean();
		InMemoryFeatureStore flags = new InMemoryFeatureStore(Fixture.flags());
		FeatureStore store = new FeatureStore() {
			@Override
			public StoreContent load() {
				return flags.load();
			}

			@Override
			public void close() {
				closed.set(true);
			}
		};
		FlagstaffProvider provider = FlagstaffProvider.builder(() -> Flagstaff.builder(store).build()).build();
		this.api.setProviderAndWait(provider);
		assertThat(this.api.getClient().getBooleanValue("plain", false)).isTrue();
		this.api.shutdown();
		assertThat(closed).isTrue();
		assertThat(provider.flagstaff()).isNull();
	}

	@Test
	void aSharedFlagstaffIsNeverClosedByTheProvider() {
		try (Fixture fixture = Fixture.create()) {
			this.api.setProviderAndWait(fixture.provider);
			this.api.shutdown();
			assertThat(fixture.flagstaff.isEnabled("plain")).isTrue();
		}
	}

	@Test
	void anInvalidDocumentIsAnErrorStateAnsweringParseErrorWithTheProblems() {
		FlagstaffProvider provider = FlagstaffProvider.builder(() -> Flagstaff
			.builder(new InMemoryFeatureStore(
					FeatureDocuments.parse("version: 1\nfeatures:\n  broken: { rollout: 150 }\n", "features.yml")))
			.build()).build();
		assertThatExceptionOfType(OpenFeatureError.class).isThrownBy(() -> this.api.setProviderAndWait(provider));
		assertThat(this.api.getClient().getProviderState()).isEqualTo(ProviderState.ERROR);
		var details = this.api.getClient().getBooleanDetails("broken", false);
		assertThat(details.getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
		assertThat(details.getErrorMessage()).contains("features.broken.rollout", "between 0 and 100");
	}

	@Test
	void anUnreachableStoreIsAnErrorStateAnsweringGeneral() {
		FlagstaffProvider provider = FlagstaffProvider.builder(() -> {
			throw new FeatureStoreException("connection refused");
		}).build();
		assertThatExceptionOfType(OpenFeatureError.class).isThrownBy(() -> this.api.setProviderAndWait(provider));
		assertThat(this.api.getClient().getProviderState()).isEqualTo(ProviderState.ERROR);
		var details = this.api.getClient().getStringDetails("any", "fallback");
		assertThat(details.getValue()).isEqualTo("fallback");
		assertThat(details.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
		assertThat(details.getErrorMessage()).contains("connection refused");
	}

	@Test
	void aProviderThatWasShutDownIsFatalWhenRegisteredAgain() {
		try (Fixture fixture = Fixture.create()) {
			fixture.provider.shutdown();
			assertThatExceptionOfType(OpenFeatureError.class)
				.isThrownBy(() -> this.api.setProviderAndWait(fixture.provider))
				.withMessageContaining("register a new FlagstaffProvider");
			assertThat(this.api.getClient().getProviderState()).isEqualTo(ProviderState.FATAL);
			assertThat(this.api.getClient().getBooleanDetails("plain", false).getErrorCode())
				.isEqualTo(ErrorCode.PROVIDER_FATAL);
		}
	}

	@Test
	void theProviderIsNamedFlagstaff() {
		try (Fixture fixture = Fixture.create()) {
			assertThat(fixture.provider.getMetadata().getName()).isEqualTo("flagstaff");
		}
	}

}
