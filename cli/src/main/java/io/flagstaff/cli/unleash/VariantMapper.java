package io.flagstaff.cli.unleash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.flagstaff.model.Bucketing;
import io.flagstaff.model.BucketingScheme;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.Operator;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps Unleash variants (weights, payloads, overrides) and stickiness settings to the
 * native model.
 */
final class VariantMapper {

	private static final String DEFAULT_STICKINESS = "default";

	private VariantMapper() {
	}

	/**
	 * Maps a list of Unleash variants.
	 * @param variants the Unleash variants
	 * @param mapper parses {@code json} payloads
	 * @return the native variants; empty when there are none or their weights sum to zero
	 * (Unleash then serves no variant)
	 */
	static List<VariantDefinition> variants(List<JsonNode> variants, ObjectMapper mapper) {
		List<VariantDefinition> definitions = new ArrayList<>();
		long totalWeight = 0;
		for (JsonNode variant : variants) {
			String name = Json.text(variant, "name");
			if (name == null) {
				continue;
			}
			int weight = Math.max(0, weight(variant));
			totalWeight += weight;
			definitions.add(new VariantDefinition(name, weight, payload(Json.object(variant, "payload"), mapper),
					overrides(variant)));
		}
		return (totalWeight > 0) ? definitions : List.of();
	}

	/**
	 * Returns the stickiness of a list of variants: Unleash uses the first variant's.
	 * @param variants the Unleash variants
	 * @return the stickiness, or {@code null} when not set
	 */
	static @Nullable String stickiness(List<JsonNode> variants) {
		return variants.isEmpty() ? null : Json.text(variants.get(0), "stickiness");
	}

	/**
	 * Returns the bucketing Unleash uses for a rollout: stickiness {@code default} means
	 * the user id, else the session id, else a random key; a custom field has no fallback
	 * (a context without it is outside the rollout).
	 * @param stickiness the Unleash stickiness, or {@code null} for {@code default}
	 * @param salt the group id, or {@code null} for the flag key
	 * @return the bucketing
	 */
	static Bucketing rolloutBucketing(@Nullable String stickiness, @Nullable String salt) {
		if (stickiness == null || stickiness.isBlank() || DEFAULT_STICKINESS.equals(stickiness)) {
			return new Bucketing(BucketingScheme.UNLEASH, Bucketing.USER_ID, salt,
					List.of("sessionId", Bucketing.RANDOM));
		}
		return new Bucketing(BucketingScheme.UNLEASH, stickiness, salt);
	}

	/**
	 * Returns the bucketing Unleash uses to choose a variant: stickiness {@code default}
	 * means the user id, else the session id, else the remote address, else a random key;
	 * a custom field falls back to a random key.
	 * @param stickiness the Unleash stickiness, or {@code null} for {@code default}
	 * @param salt the group id, or {@code null} for the flag key
	 * @return the bucketing
	 */
	static Bucketing variantBucketing(@Nullable String stickiness, @Nullable String salt) {
		if (stickiness == null || stickiness.isBlank() || DEFAULT_STICKINESS.equals(stickiness)) {
			return new Bucketing(BucketingScheme.UNLEASH, Bucketing.USER_ID, salt,
					List.of("sessionId", "remoteAddress", Bucketing.RANDOM));
		}
		if (Bucketing.RANDOM.equals(stickiness)) {
			return new Bucketing(BucketingScheme.UNLEASH, Bucketing.RANDOM, salt);
		}
		return new Bucketing(BucketingScheme.UNLEASH, stickiness, salt, List.of(Bucketing.RANDOM));
	}

	private static int weight(JsonNode variant) {
		String weight = Json.text(variant, "weight");
		BigDecimal number = (weight != null) ? Operands.decimal(weight) : null;
		if (number == null || number.signum() <= 0) {
			return 0;
		}
		return (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0) ? Integer.MAX_VALUE : number.intValue();
	}

	/**
	 * Maps a payload {@code {type, value}}: {@code number} to a number, {@code json} to a
	 * JSON value, {@code string} and {@code csv} (and anything unparsable) to a string.
	 * @param payload the payload, or {@code null}
	 * @param mapper parses {@code json} payloads
	 * @return the value, or {@code null} without payload
	 */
	static @Nullable FeatureValue payload(@Nullable JsonNode payload, ObjectMapper mapper) {
		if (payload == null) {
			return null;
		}
		String value = Json.text(payload, "value");
		if (value == null) {
			return null;
		}
		String type = Json.text(payload, "type");
		if ("number".equals(type)) {
			BigDecimal number = Operands.decimal(value);
			return (number != null) ? FeatureValue.of(number) : FeatureValue.of(value);
		}
		if ("json".equals(type)) {
			try {
				JsonNode node = mapper.readTree(value);
				return (node.isContainer()) ? new FeatureValue.Json(node) : FeatureValue.of(value);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return FeatureValue.of(value);
			}
		}
		return FeatureValue.of(value);
	}

	private static List<Condition> overrides(JsonNode variant) {
		List<Condition> overrides = new ArrayList<>();
		for (JsonNode override : Json.array(variant, "overrides")) {
			String field = Json.text(override, "contextName");
			List<String> values = Json.texts(override, "values");
			if (field != null && !values.isEmpty()) {
				overrides.add(new Condition.Attribute(field, Operator.IN, values, false, false));
			}
		}
		return overrides;
	}

}
