package io.flagstaff.sample.web;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/flags}: what a front end needs to render the caller's page, the
 * caller's own evaluated answers. Only each flag's on/off state and variant leave the
 * server: never rules, allow or deny lists, percentages, variant weights, reasons or
 * anything about other users.
 */
@RestController
public class FlagsController {

	private final Flagstaff flagstaff;

	FlagsController(Flagstaff flagstaff) {
		this.flagstaff = flagstaff;
	}

	@GetMapping("/api/flags")
	Map<String, FlagState> flags() {
		FeatureSnapshot snapshot = Shoppers.snapshot(this.flagstaff);
		FeatureContext context = Shoppers.context(this.flagstaff);
		Map<String, FlagState> flags = new TreeMap<>();
		for (String key : snapshot.featureKeys()) {
			Evaluation evaluation = snapshot.evaluate(key, context);
			flags.put(key, new FlagState(evaluation.enabled(), evaluation.variant()));
		}
		return flags;
	}

	/**
	 * One flag's answer for the caller.
	 *
	 * @param enabled whether the flag is on for the caller
	 * @param variant the variant served to the caller, absent when the flag has none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FlagState(boolean enabled, @Nullable String variant) {
	}

}
