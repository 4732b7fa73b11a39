package io.flagstaff.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTests {

	@ParameterizedTest
	@CsvSource({ "kitten, sitting, 3", "'', abc, 3", "abc, '', 3", "same, same, 0", "new-iu, new-ui, 1",
			"form, from, 1", "ab, ba, 1", "abc, ca, 3", "rolout, rollout, 1", "Owner, owner, 1" })
	void theDistanceCountsASwapOfAdjacentCharactersAsOneEdit(String a, String b, int distance) {
		assertThat(DidYouMean.distance(a, b)).isEqualTo(distance);
		assertThat(DidYouMean.distance(b, a)).isEqualTo(distance);
	}

	@Test
	void closestNamesAreLikelyTyposOnlyClosestFirstAndAtMostThree() {
		List<String> known = List.of("new-checkout", "new-checkouts", "old-checkout", "new-chckout", "dark-mode");
		assertThat(DidYouMean.closest("new-chekout", known)).containsExactly("new-chckout", "new-checkout",
				"new-checkouts");
		assertThat(DidYouMean.closest("NEW-CHECKOUT", known)).startsWith("new-checkout");
		assertThat(DidYouMean.closest("key", List.of("scheme", "by", "salt", "fallback"))).isEmpty();
		assertThat(DidYouMean.closest("wen", List.of("when", "name"))).containsExactly("when");
	}

	@Test
	void nearestNamesAreNamedHoweverFar() {
		assertThat(DidYouMean.nearest("checkout", List.of("zzz", "one-click", "new-checkout", "checkout-layout"), 3))
			.containsExactly("new-checkout", "checkout-layout", "one-click");
		assertThat(DidYouMean.nearest("x", List.of(), 3)).isEmpty();
	}

	@Test
	void theHintNamesEveryCloseNameOrNothing() {
		assertThat(DidYouMean.hint("eu-premum", List.of("eu-premium", "us")))
			.isEqualTo(" (did you mean 'eu-premium'?)");
		assertThat(DidYouMean.hint("ab", List.of("ac", "ad"))).isEqualTo(" (did you mean 'ac' or 'ad'?)");
		assertThat(DidYouMean.hint("zzz", List.of("eu-premium"))).isEmpty();
	}

}
