package io.flagstaff.junit;

import java.util.stream.Stream;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownFlagTests {

	static Stream<Arguments> misspeltNames() {
		return Stream.of(
				Arguments.of(EnableMisspelt.class, "@EnableFeatures on UnknownFlagTests.EnableMisspelt.runs()",
						"'new-chekout'", "Closest known flags: 'new-checkout'"),
				Arguments.of(DisableMisspelt.class, "@DisableFeatures on UnknownFlagTests.DisableMisspelt",
						"'one-clik'", "Closest known flags: 'one-click'"),
				Arguments.of(VariantFlagMisspelt.class, "@WithVariant on UnknownFlagTests.VariantFlagMisspelt.runs()",
						"'checkout-layot'", "Closest known flags: 'checkout-layout'"),
				Arguments.of(VariantMisspelt.class, "@WithVariant on UnknownFlagTests.VariantMisspelt.runs()",
						"variant 'one-pag'", "closest: 'one-page', 'control'"),
				Arguments.of(MatrixMisspelt.class, "@FeatureMatrix on UnknownFlagTests.MatrixMisspelt.runs()",
						"'darkmode'", "Closest known flags: 'dark-mode'"),
				Arguments.of(HandleMisspelt.class, "FeatureFlags.enable", "'dark_mode'",
						"Closest known flags: 'dark-mode'"));
	}

	@ParameterizedTest
	@MethodSource("misspeltNames")
	void anUnknownNameFailsTheTestNamingThePlaceAndTheClosestKnownFlags(Class<?> fixture, String place, String name,
			String closest) {
		EngineExecutionResults results = EngineRuns.run(fixture);

		assertThat(EngineRuns.failures(results)).isNotEmpty().allSatisfy((failure) -> {
			assertThat(failure).contains(place).contains(name).contains(closest);
		});
	}

	@Test
	void theClosestNamesComeFirstAndAtMostThreeAreNamed() {
		try (Flagstaff flagstaff = TestFlagstaffs.create()) {
			assertThat(flagstaff.snapshot().closestKeys("checkout", 3)).containsExactly("new-checkout",
					"checkout-layout", "one-click");
		}
	}

	static class EnableMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@EnableFeatures("new-chekout")
		void runs() {
		}

	}

	@DisableFeatures("one-clik")
	static class DisableMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		void runs() {
		}

	}

	static class VariantFlagMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@WithVariant(feature = "checkout-layot", variant = "control")
		void runs() {
		}

	}

	static class VariantMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@WithVariant(feature = "checkout-layout", variant = "one-pag")
		void runs() {
		}

	}

	static class MatrixMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@FeatureMatrix({ "new-checkout", "darkmode" })
		void runs() {
		}

	}

	static class HandleMisspelt {

		final Flagstaff flagstaff = TestFlagstaffs.create();

		@Test
		@ExtendWith(FlagstaffExtension.class)
		void runs(FeatureFlags flags) {
			flags.enable("dark_mode");
		}

	}

}
