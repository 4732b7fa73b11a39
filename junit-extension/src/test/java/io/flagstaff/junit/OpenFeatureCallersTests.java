package io.flagstaff.junit;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.openfeature.FlagstaffProvider;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit extension's forced states and variants are what OpenFeature callers see
 * (flagstaff-openfeature's provider over the overridden Flagstaff).
 */
@EnableFeatures("vip")
@WithVariant(feature = "layout", variant = "two-page")
class OpenFeatureCallersTests {

	final Flagstaff flagstaff = Flagstaff.builder(new InMemoryFeatureStore(FeatureDocuments.parse("""
			version: 1
			features:
			  vip:
			    allow: [u-1]
			    deny: [u-9]
			    rollout: 0
			  layout:
			    variants: { control: 50, one-page: 30, two-page: 20 }
			""", "flags.yml"))).build();

	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();

	private Client client;

	@BeforeEach
	void register() {
		this.api.setProviderAndWait(FlagstaffProvider.of(this.flagstaff));
		this.client = this.api.getClient();
	}

	@AfterEach
	void close() {
		this.api.shutdown();
	}

	@Test
	void aFlagForcedOnIsOnForEveryOpenFeatureCaller() {
		var details = this.client.getBooleanDetails("vip", false, new ImmutableContext("u-9"));
		assertThat(details.getValue()).isTrue();
		assertThat(details.getReason()).isEqualTo("STATIC");
	}

	@Test
	void aForcedVariantIsTheVariantOpenFeatureCallersGet() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.client.getStringValue("layout", "none", new ImmutableContext("u-" + i)))
				.isEqualTo("two-page");
		}
	}

	@Test
	@DisableFeatures("vip")
	void theMethodsStateWinsForOpenFeatureCallersToo() {
		assertThat(this.client.getBooleanValue("vip", true, new ImmutableContext("u-1"))).isFalse();
	}

}
