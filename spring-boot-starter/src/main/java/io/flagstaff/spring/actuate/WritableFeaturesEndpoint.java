package io.flagstaff.spring.actuate;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.Flagstaff;
import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.store.FeatureConflictException;
import io.flagstaff.store.FeatureStoreException;
import io.flagstaff.store.WritableFeatureStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code features} endpoint with writes ({@code POST /actuator/features/{key}} with a
 * JSON body): {@code {"action": "enable"}}, {@code {"action": "disable"}},
 * {@code {"action": "rollout", "rollout": 25}}, {@code {"action": "weights", "weights":
 * {"control": 50, "discount": 50}}}. Each write goes through the
 * {@link WritableFeatureStore} with the authenticated principal as the audit actor
 * ({@code actuator} when unauthenticated) and is visible to the very next evaluation on
 * this instance.
 */
@Endpoint(id = "features")
public class WritableFeaturesEndpoint extends FeaturesEndpoint {

	/** The audit actor of writes made without an authenticated principal. */
	public static final String ANONYMOUS_ACTOR = "actuator";

	/**
	 * Creates the endpoint.
	 * @param flagstaff the flags to report and change
	 * @param auditLimit how many audit entries a flag's detail shows
	 * @param clock the clock that tells stale flags
	 */
	public WritableFeaturesEndpoint(Flagstaff flagstaff, int auditLimit, Clock clock) {
		super(flagstaff, auditLimit, clock);
	}

	/**
	 * Creates the endpoint.
	 * @param flagstaff the flags to report and change
	 * @param auditLimit how many audit entries a flag's detail shows
	 * @param clock the clock that tells stale flags
	 * @param hygiene makes the hygiene report of the list, or {@code null} for none
	 * @param startedAt since when the flagstaff has counted usage
	 */
	public WritableFeaturesEndpoint(Flagstaff flagstaff, int auditLimit, Clock clock,
			@Nullable HygieneInspector hygiene, Instant startedAt) {
		super(flagstaff, auditLimit, clock, hygiene, startedAt);
	}

	/**
	 * Changes one flag.
	 * @param securityContext who is asking
	 * @param key the flag key
	 * @param action {@code enable}, {@code disable}, {@code rollout} or {@code weights}
	 * @param rollout the percentage for {@code rollout} ({@code null} means 100)
	 * @param weights the variant weights for {@code weights}: a JSON object of weights by
	 * variant, or a string such as {@code control=50,discount=50}
	 * @return the flag's detail after the change, or an error response naming the fix
	 */
	@WriteOperation
	public WebEndpointResponse<Object> change(SecurityContext securityContext, @Selector String key, String action,
			@Nullable Double rollout, @Nullable Object weights) {
		if (!(flagstaff().store() instanceof WritableFeatureStore store)) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "the store "
					+ flagstaff().store().getClass().getSimpleName()
					+ " is read-only: use a file: features location, set flagstaff.store.type to jdbc or redis, "
					+ "or keep changes in memory with flagstaff.store.in-memory-changes=true");
		}
		Principal principal = securityContext.getPrincipal();
		String actor = (principal != null) ? principal.getName() : ANONYMOUS_ACTOR;
		try {
			switch (action.toLowerCase(Locale.ROOT)) {
				case "enable" -> store.enable(key, actor);
				case "disable" -> store.disable(key, actor);
				case "rollout" -> store.setRollout(key, rollout, actor);
				case "weights" -> {
					Map<String, Integer> parsed = parseWeights(weights);
					if (parsed.isEmpty()) {
						return error(WebEndpointResponse.STATUS_BAD_REQUEST,
								"action 'weights' needs 'weights', for example \"control=50,discount=50\"");
					}
					store.setVariantWeights(key, parsed, actor);
				}
				default -> {
					return error(WebEndpointResponse.STATUS_BAD_REQUEST,
							"unknown action '" + action + "': use enable, disable, rollout or weights");
				}
			}
		}
		catch (FeatureConfigException ex) {
			// the store refused a change that would break the set; nothing was stored
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("error", "the change was refused and nothing was stored: fix the value and send it again");
			answer.put("problems", ex.getProblems().stream().map(ConfigProblem::toString).toList());
			return new WebEndpointResponse<>(answer, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (FeatureNotFoundException ex) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, "no flag has the key '" + key + "'");
		}
		catch (FeatureConflictException ex) {
			return error(409, ex.getMessage() + "; read the flag again and repeat the change");
		}
		catch (FeatureStoreException ex) {
			return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, "the store could not be written ("
					+ ex.getMessage() + "); flags keep being served from the last good snapshot, try again later");
		}
		catch (IllegalArgumentException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
		flagstaff().refresh();
		return new WebEndpointResponse<>(feature(key), WebEndpointResponse.STATUS_OK);
	}

	/**
	 * Accepts what the store holds now ({@code POST /actuator/features} with
	 * {@code {"action": "accept-store"}}): the operator's answer to a store that went
	 * backwards and is refused meanwhile (see {@link Flagstaff#acceptStoreContent()}).
	 * @param action {@code accept-store}
	 * @return how many flags are served now, or an error response naming the fix
	 */
	@WriteOperation
	public WebEndpointResponse<Object> acceptStore(String action) {
		if (!action.equalsIgnoreCase("accept-store")) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "unknown action '" + action
					+ "': use accept-store here, or POST /actuator/features/{key} to change one flag");
		}
		try {
			flagstaff().acceptStoreContent();
		}
		catch (FeatureConfigException ex) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("error", "the store's content is invalid and was not accepted: fix it in the store first");
			answer.put("problems", ex.getProblems().stream().map(ConfigProblem::toString).toList());
			return new WebEndpointResponse<>(answer, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (FeatureStoreException ex) {
			return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE,
					"the store could not be read (" + ex.getMessage() + "); try again when it is reachable");
		}
		return new WebEndpointResponse<>(Map.of("accepted", true, "features",
				flagstaff().snapshot().featureKeys().size(), "storeRevision", flagstaff().store().load().revision()),
				WebEndpointResponse.STATUS_OK);
	}

	private static Map<String, Integer> parseWeights(@Nullable Object weights) {
		Map<String, Integer> result = new LinkedHashMap<>();
		if (weights instanceof Map<?, ?> map) {
			map.forEach((name, weight) -> result.put(String.valueOf(name), toInt(weight)));
		}
		else if (weights != null) {
			for (String pair : String.valueOf(weights).split(",")) {
				String[] parts = pair.split("[=:]", 2);
				if (parts.length == 2) {
					result.put(parts[0].trim(), toInt(parts[1]));
				}
			}
		}
		return result;
	}

	private static int toInt(@Nullable Object weight) {
		return (weight instanceof Number number) ? number.intValue() : Integer.parseInt(String.valueOf(weight).trim());
	}

	private static WebEndpointResponse<Object> error(int status, String message) {
		return new WebEndpointResponse<>(Map.of("error", message), status);
	}

}
