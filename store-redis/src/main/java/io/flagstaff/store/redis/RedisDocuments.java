package io.flagstaff.store.redis;

import java.time.Instant;

import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.AuditAction;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON values the Redis store keeps: a versioned envelope
 * {@code {"version":3,"updatedAt":"…","updatedBy":"…","document":{…native flag…}}} per
 * flag or segment, and one JSON object per audit entry.
 */
final class RedisDocuments {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RedisDocuments() {
	}

	static String envelope(long version, String document, AuditEntry entry) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("version", version);
		node.put("updatedAt", entry.time().toString());
		node.put("updatedBy", entry.actor());
		node.set("document", MAPPER.readTree(document));
		return MAPPER.writeValueAsString(node);
	}

	/**
	 * Returns the version of an envelope.
	 * @throws IllegalArgumentException when the value is not an envelope
	 */
	static long version(String envelope) {
		JsonNode version = MAPPER.readTree(envelope).get("version");
		if (version == null || !version.isIntegralNumber()) {
			throw new IllegalArgumentException("the stored value has no numeric 'version'");
		}
		return version.longValue();
	}

	/**
	 * Returns the native document inside an envelope.
	 * @throws IllegalArgumentException when the value is not an envelope
	 */
	static String document(String envelope) {
		JsonNode node = MAPPER.readTree(envelope);
		JsonNode document = (node != null) ? node.get("document") : null;
		if (document == null || !document.isContainer()) {
			throw new IllegalArgumentException("the stored value has no 'document' object or list");
		}
		return MAPPER.writeValueAsString(document);
	}

	static String audit(AuditEntry entry) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("key", entry.key());
		node.put("action", entry.action().name());
		node.put("actor", entry.actor());
		node.put("time", entry.time().toString());
		node.put("reason", entry.reason());
		if (entry.oldDefinition() != null) {
			node.set("old", MAPPER.readTree(FeatureDocumentCodec.writeFeature(entry.oldDefinition())));
		}
		if (entry.newDefinition() != null) {
			node.set("new", MAPPER.readTree(FeatureDocumentCodec.writeFeature(entry.newDefinition())));
		}
		return MAPPER.writeValueAsString(node);
	}

	static AuditEntry audit(String json, String source) {
		JsonNode node = MAPPER.readTree(json);
		String key = node.get("key").asString();
		JsonNode reason = node.get("reason");
		return new AuditEntry(key, AuditAction.valueOf(node.get("action").asString()), node.get("actor").asString(),
				Instant.parse(node.get("time").asString()), definition(key, node.get("old"), source),
				definition(key, node.get("new"), source),
				(reason == null || reason.isNull()) ? null : reason.asString());
	}

	private static @Nullable FeatureDefinition definition(String key, @Nullable JsonNode document, String source) {
		if (document == null || !document.isObject()) {
			return null;
		}
		try {
			return FeatureDocumentCodec.readFeature(key, MAPPER.writeValueAsString(document),
					source + " audit of '" + key + "'");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
