package io.flagstaff.store.redis;

import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.FeatureDocumentCodec;
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
		return FeatureDocumentCodec.writeAudit(entry);
	}

	static AuditEntry audit(String json, String source) {
		return FeatureDocumentCodec.readAudit(json, source);
	}

}
