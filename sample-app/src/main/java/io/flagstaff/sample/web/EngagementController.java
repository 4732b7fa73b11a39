package io.flagstaff.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentResults;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.feedback.Feedback;
import io.flagstaff.feedback.FeedbackCollector;
import io.flagstaff.feedback.FeedbackStore;
import io.flagstaff.feedback.InMemoryFeedbackStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback on features and experiment results: {@code POST /features/{key}/feedback}
 * (anyone), {@code GET /features/{key}/feedback} (admin: it holds user ids) and
 * {@code GET /experiments/{key}} (aggregates only).
 */
@RestController
public class EngagementController {

	private final Flagstaff flagstaff;

	private final FeedbackCollector feedback;

	private final ExperimentTracker experiments;

	private final FeedbackStore store;

	EngagementController(Flagstaff flagstaff, FeedbackCollector feedback, FeedbackStore store,
			ExperimentTracker experiments) {
		this.flagstaff = flagstaff;
		this.feedback = feedback;
		this.store = store;
		this.experiments = experiments;
	}

	@PostMapping("/features/{key}/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	Feedback giveFeedback(@PathVariable String key, @RequestBody FeedbackRequest request) {
		requireFlag(key);
		return this.feedback.recordFeedback(key, Shoppers.context(this.flagstaff), request.wholeRating(),
				request.comment());
	}

	@GetMapping("/features/{key}/feedback")
	Map<String, Object> readFeedback(@PathVariable String key,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		requireFlag(key);
		List<Feedback> recent = this.feedback.feedback(key, limit);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("feature", key);
		body.put("averageRating", recent.isEmpty() ? null : this.feedback.averageRating(key, limit));
		body.put("feedback", recent);
		if (this.store instanceof InMemoryFeedbackStore memory) {
			body.put("kept", memory.maxPerFeature());
			body.put("dropped", memory.dropped());
		}
		return body;
	}

	@GetMapping("/experiments/{key}")
	ExperimentResults experiment(@PathVariable String key) {
		requireFlag(key);
		return this.experiments.results(key);
	}

	private void requireFlag(String key) {
		Set<String> keys = Shoppers.snapshot(this.flagstaff).featureKeys();
		if (!keys.contains(key)) {
			throw new FeatureNotFoundException(key,
					"Unknown flag '" + key + "'; the shop's flags are " + String.join(", ", new TreeSet<>(keys)));
		}
	}

	/**
	 * The body of {@code POST /features/{key}/feedback}.
	 *
	 * @param rating 1 (poor) to 5 (great): a JSON whole number, read as written (a
	 * fraction such as {@code 1.5} or a string such as {@code "5"} is refused rather than
	 * converted)
	 * @param comment optional free text
	 */
	record FeedbackRequest(@Nullable JsonNode rating, @Nullable String comment) {

		int wholeRating() {
			JsonNode value = this.rating;
			if (value == null || value.isNull() || value.isMissingNode()) {
				throw new IllegalArgumentException(
						"Body field 'rating' is missing; send {\"rating\": 1..5, \"comment\": \"optional text\"}");
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt()) {
				throw new IllegalArgumentException("Body field 'rating' must be a whole JSON number such as 4, was "
						+ value + "; send {\"rating\": 1..5}");
			}
			return value.intValue();
		}

	}

}
