package io.flagstaff.health;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.model.Kill;
import org.jspecify.annotations.Nullable;

/**
 * A flag, or one of its variants, was switched off automatically because it crossed its
 * health policy. Raised after the change was written to the store.
 *
 * @param feature the flag key
 * @param variant the variant whose weight moved to the control variant, or {@code null}
 * when the whole flag was disabled
 * @param trigger the part of the policy that was crossed
 * @param kill what was written to the store: actor, reason with figures, time
 * @param figures the measured figures by name (for example {@code failures},
 * {@code calls}, {@code window_ms}), in a stable order
 */
public record AutoDisabledEvent(String feature, @Nullable String variant, Trigger trigger, Kill kill,
		Map<String, Number> figures) {

	public AutoDisabledEvent {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(kill, "kill");
		figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
	}

	/**
	 * Returns when the flag was switched off.
	 * @return {@code kill().at()}
	 */
	public Instant time() {
		return this.kill.at();
	}

	/**
	 * Returns why, with the figures, as written to the store.
	 * @return {@code kill().reason()}
	 */
	public String reason() {
		return this.kill.reason();
	}

}
