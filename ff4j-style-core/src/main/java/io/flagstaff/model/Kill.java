package io.flagstaff.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Records that a flag was switched off automatically (by the health guard or a traffic
 * monitor). A flag carrying a kill is off for everyone with reason {@code KILLED} until
 * someone enables it again, which clears the kill.
 *
 * @param actor who switched it off, for example {@code health-guard}
 * @param reason why, with the figures that crossed the policy
 * @param at when
 */
public record Kill(String actor, String reason, Instant at) {

	public Kill {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(at, "at");
	}

}
