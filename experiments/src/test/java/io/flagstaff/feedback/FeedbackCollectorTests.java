package io.flagstaff.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.flagstaff.FeatureContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeedbackCollectorTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();

	private final FeedbackCollector collector = new FeedbackCollector(this.store, 1, 5,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void feedbackIsReadablePerFeatureOldestFirst() {
		FeatureContext user = FeatureContext.builder().userId("u-1").sessionId("s-1").build();
		this.collector.recordFeedback("new-checkout", user, 5, "so fast");
		this.collector.recordFeedback("new-search", user, 2, null);
		this.collector.recordFeedback("new-checkout", FeatureContext.empty(), 3, "  ");
		assertThat(this.collector.feedback("new-checkout", 10)).containsExactly(
				new Feedback("new-checkout", "u-1", "s-1", 5, "so fast", NOW),
				new Feedback("new-checkout", null, null, 3, null, NOW));
		assertThat(this.collector.feedback("new-checkout", 1)).hasSize(1);
		assertThat(this.collector.averageRating("new-checkout", 10)).isEqualTo(4.0);
		assertThat(this.collector.averageRating("unknown", 10)).isNaN();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 6, -1 })
	void aRatingOutOfRangeIsRefusedWithTheRange(int rating) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.collector.recordFeedback("new-checkout", FeatureContext.empty(), rating, null))
			.withMessage("rating of feedback on 'new-checkout' must be between 1 and 5, but was " + rating);
		assertThat(this.store.find("new-checkout", 10)).isEmpty();
	}

	@Test
	void anOverlongCommentIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.collector.recordFeedback("new-checkout", FeatureContext.empty(), 3, "x".repeat(2001)))
			.withMessageContaining("must be at most 2000 characters, but had 2001");
	}

	@Test
	void theRangeMustNotBeInverted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FeedbackCollector(this.store, 5, 1, Clock.systemUTC()))
			.withMessage("minRating must not be greater than maxRating, but was 5 > 1");
	}

}
