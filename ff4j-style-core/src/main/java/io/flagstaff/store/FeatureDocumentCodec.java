package io.flagstaff.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.config.FeatureDocuments;
import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns single flags, segments and audit entries into the JSON documents that shared
 * stores (JDBC, Redis, a store of your own) keep, and back. A store holds one document
 * per flag, so a malformed one is reported with its key and never mixed into the others.
 * Thread-safe.
 */
public final class FeatureDocumentCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private FeatureDocumentCodec() {
	}

	/**
	 * Writes one flag as a native JSON document.
	 * @param feature the flag
	 * @return the document
	 */
	public static String writeFeature(FeatureDefinition feature) {
		return FeatureDocuments.writeFeature(feature);
	}

	/**
	 * Reads one flag from a native JSON document.
	 * @param key the flag key the document is stored under
	 * @param document the document
	 * @param source where the document comes from, for error messages
	 * @return the flag
	 * @throws FeatureConfigException when the document is malformed or invalid
	 */
	public static FeatureDefinition readFeature(String key, String document, String source) {
		return FeatureDocuments.parseFeature(key, document, source);
	}

	/**
	 * Writes one segment as a JSON document.
	 * @param name the segment name (not part of the document)
	 * @param conditions its conditions
	 * @return the document
	 */
	public static String writeSegment(String name, List<Condition> conditions) {
		return FeatureDocuments.writeSegment(conditions);
	}

	/**
	 * Reads one segment from a document written by {@link #writeSegment(String, List)}.
	 * @param name the segment name the document is stored under
	 * @param document the document
	 * @param source where the document comes from, for error messages
	 * @return the conditions
	 * @throws FeatureConfigException when the document is malformed
	 */
	public static List<Condition> readSegment(String name, String document, String source) {
		return FeatureDocuments.parseSegment(name, document, source);
	}

	/**
	 * Writes one audit entry as a JSON object
	 * ({@code {"key":…,"action":…,"actor":…,"time":…,"reason":…,"old":{…},"new":{…}}},
	 * the flags as native documents), for stores that keep their audit as documents.
	 * @param entry the entry
	 * @return the document
	 */
	public static String writeAudit(AuditEntry entry) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("key", entry.key());
		node.put("action", entry.action().name());
		node.put("actor", entry.actor());
		node.put("time", entry.time().toString());
		node.put("reason", entry.reason());
		FeatureDefinition before = entry.oldDefinition();
		if (before != null) {
			node.set("old", MAPPER.readTree(writeFeature(before)));
		}
		FeatureDefinition after = entry.newDefinition();
		if (after != null) {
			node.set("new", MAPPER.readTree(writeFeature(after)));
		}
		return MAPPER.writeValueAsString(node);
	}

	/**
	 * Reads one audit entry written by {@link #writeAudit(AuditEntry)}. A flag document
	 * in it that no longer reads (an older format) is left out ({@code null}) rather than
	 * failing the whole audit.
	 * @param document the document
	 * @param source where the document comes from, for error messages
	 * @return the entry
	 * @throws FeatureStoreException when the document is not an audit entry
	 */
	public static AuditEntry readAudit(String document, String source) {
		try {
			JsonNode node = MAPPER.readTree(document);
			String key = node.get("key").asString();
			JsonNode reason = node.get("reason");
			return new AuditEntry(key, AuditAction.valueOf(node.get("action").asString()), node.get("actor").asString(),
					Instant.parse(node.get("time").asString()), auditedFeature(key, node.get("old"), source),
					auditedFeature(key, node.get("new"), source),
					(reason == null || reason.isNull()) ? null : reason.asString());
		}
		catch (RuntimeException ex) {
			throw new FeatureStoreException("Unreadable audit entry in " + source + ": " + ex.getMessage()
					+ "; audit entries are written by FeatureDocumentCodec.writeAudit", ex);
		}
	}

	private static @Nullable FeatureDefinition auditedFeature(String key, @Nullable JsonNode document, String source) {
		if (document == null || !document.isObject()) {
			return null;
		}
		try {
			return readFeature(key, MAPPER.writeValueAsString(document), source + " audit of '" + key + "'");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Collects flags and segments read one document at a time, gathering every malformed
	 * document's problems into one {@link FeatureConfigException}. Not thread-safe.
	 */
	public static final class Collector {

		private final String source;

		private final Map<String, List<Condition>> segments = new LinkedHashMap<>();

		private final Map<String, FeatureDefinition> features = new LinkedHashMap<>();

		private final List<ConfigProblem> problems = new java.util.ArrayList<>();

		/**
		 * Creates a collector.
		 * @param source the store, for error messages
		 */
		public Collector(String source) {
			this.source = source;
		}

		/**
		 * Adds a flag document.
		 * @param key the key it is stored under
		 * @param document the document
		 */
		public void feature(String key, String document) {
			try {
				this.features.put(key, readFeature(key, document, this.source + " flag '" + key + "'"));
			}
			catch (FeatureConfigException ex) {
				problems(ex, "features." + key);
			}
			catch (RuntimeException ex) {
				this.problems.add(new ConfigProblem("features." + key, "unreadable document (" + ex.getMessage()
						+ "); write a valid document for it or delete it directly in the store"));
			}
		}

		/**
		 * Adds a segment document.
		 * @param name the name it is stored under
		 * @param document the document
		 */
		public void segment(String name, String document) {
			try {
				this.segments.put(name, readSegment(name, document, this.source + " segment '" + name + "'"));
			}
			catch (FeatureConfigException ex) {
				problems(ex, "segments." + name);
			}
			catch (RuntimeException ex) {
				this.problems.add(new ConfigProblem("segments." + name, "unreadable document (" + ex.getMessage()
						+ "); write a valid document for it or delete it directly in the store"));
			}
		}

		private void problems(FeatureConfigException ex, String prefix) {
			if (ex.getProblems().isEmpty()) {
				this.problems.add(new ConfigProblem(prefix, String.valueOf(ex.getMessage())));
			}
			for (ConfigProblem problem : ex.getProblems()) {
				String path = problem.path().startsWith(prefix) ? problem.path() : prefix + ": " + problem.path();
				this.problems.add(new ConfigProblem(path, problem.message()));
			}
		}

		/**
		 * Returns the collected set.
		 * @return the flags and segments
		 * @throws FeatureConfigException naming every malformed document
		 */
		public FeatureSet toFeatureSet() {
			if (!this.problems.isEmpty()) {
				throw new FeatureConfigException(this.source, this.problems);
			}
			return readable();
		}

		/**
		 * Returns the flags and segments whose documents could be read, leaving out the
		 * malformed ones; a store checks writes against this, so one malformed document
		 * does not block writes to the others.
		 * @return the readable flags and segments
		 */
		public FeatureSet readable() {
			return new FeatureSet(this.segments, this.features);
		}

	}

}
