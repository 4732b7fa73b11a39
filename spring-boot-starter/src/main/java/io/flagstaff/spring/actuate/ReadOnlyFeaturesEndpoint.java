package io.flagstaff.spring.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.hygiene.HygieneInspector;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code features} endpoint while writes are disabled (the default): the reads of
 * {@link FeaturesEndpoint}, and a write ({@code POST /actuator/features/{key}}) answered
 * with {@code 405} and a body that names the property turning writes on, instead of a
 * bare status. Nothing is changed. Thread-safe.
 */
@Endpoint(id = "features")
public class ReadOnlyFeaturesEndpoint extends FeaturesEndpoint {

	/** The status of a write while writes are disabled. */
	public static final int STATUS_METHOD_NOT_ALLOWED = 405;

	/**
	 * Creates the endpoint.
	 * @param flagstaff the flags to report
	 * @param auditLimit how many audit entries a flag's detail shows
	 * @param clock the clock that tells stale flags
	 * @param hygiene makes the hygiene report of the list, or {@code null} for none
	 * @param startedAt since when the flagstaff has counted usage
	 */
	public ReadOnlyFeaturesEndpoint(Flagstaff flagstaff, int auditLimit, Clock clock,
			@Nullable HygieneInspector hygiene, Instant startedAt) {
		super(flagstaff, auditLimit, clock, hygiene, startedAt);
	}

	/**
	 * Refuses a change.
	 * @param key the flag key
	 * @return {@code 405} with an {@code error} naming
	 * {@code flagstaff.actuator.writes-enabled}
	 */
	@WriteOperation
	public WebEndpointResponse<Object> change(@Selector String key) {
		return new WebEndpointResponse<>(Map.of("error",
				"writes to flag '" + key + "' are disabled: set flagstaff.actuator.writes-enabled=true to change flags "
						+ "through this endpoint (and secure it: writes are audited with the authenticated user)"),
				STATUS_METHOD_NOT_ALLOWED);
	}

}
