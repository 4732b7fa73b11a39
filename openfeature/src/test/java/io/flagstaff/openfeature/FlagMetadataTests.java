package io.flagstaff.openfeature;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flag metadata comes from the flag: its description, owner, type and expiry, then its
 * metadata entries, typed.
 */
class FlagMetadataTests {

	private final Fixture fixture = Fixture.create();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void theFlagsFieldsAndMetadataEntriesAreFlagMetadata() {
		ImmutableMetadata metadata = this.fixture.provider
			.getObjectEvaluation("banner", new Value(), ImmutableContext.EMPTY)
			.getFlagMetadata();
		assertThat(metadata.getString("description")).isEqualTo("The spring banner");
		assertThat(metadata.getString("owner")).isEqualTo("marketing");
		assertThat(metadata.getString("type")).isEqualTo("experiment");
		assertThat(metadata.getString("expires")).isEqualTo("2027-03-01");
		assertThat(metadata.getString("jira")).isEqualTo("SHOP-42");
		assertThat(metadata.getInteger("cost")).isEqualTo(3);
		assertThat(metadata.getLong("huge")).isEqualTo(3_000_000_000L);
		assertThat(metadata.getDouble("share")).isEqualTo(0.5);
		assertThat(metadata.getBoolean("reviewed")).isTrue();
		assertThat(metadata.getString("extra")).isEqualTo("{\"a\":1}");
	}

	@Test
	void aFlagWithoutMetadataAndOfTheDefaultTypeHasNone() {
		assertThat(this.fixture.provider.getBooleanEvaluation("plain", false, ImmutableContext.EMPTY)
			.getFlagMetadata()
			.isEmpty()).isTrue();
	}

	@Test
	void errorsCarryTheFlagsMetadataToo() {
		assertThat(this.fixture.provider.getBooleanEvaluation("banner", false, ImmutableContext.EMPTY)
			.getFlagMetadata()
			.getString("owner")).isEqualTo("marketing");
	}

}
