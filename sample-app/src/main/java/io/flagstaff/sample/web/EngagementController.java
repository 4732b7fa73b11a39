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
import org.jspecify.annotations.Nullable;

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

	EngagementController(Flagstaff flagstaff, FeedbackCollector feedback, ExperimentTracker experiments) {
		this.flagstaff = flagstaff;
		this.feedback = feedback;
		this.experiments = experiments;
	}

	@PostMapping("/features/{key}/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	Feedback giveFeedback(@PathVariable String key, @RequestBody FeedbackRequest request) {
		requireFlag(key);
		if (request.rating() == null) {
			throw new IllegalArgumentException(
					"Body field 'rating' is missing; send {\"rating\": 1..5, \"comment\": \"optional text\"}");
		}
		return this.feedback.recordFeedback(key, Shoppers.context(this.flagstaff), request.rating(), request.comment());
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
	 * @param rating 1 (poor) to 5 (great)
	 * @param comment optional free text
	 */
	record FeedbackRequest(@Nullable Integer rating, @Nullable String comment) {
	}

}
