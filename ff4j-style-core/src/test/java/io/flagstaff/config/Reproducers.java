package io.flagstaff.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents an outside probe found to break the readers (issue 16), each a complete
 * native document, by a name that says what it holds. The reader regression tests and the
 * file watcher's survival test share them.
 */
public final class Reproducers {

	private Reproducers() {
	}

	/**
	 * Returns every reproducer document.
	 * @return the documents by name, in the order of the issue
	 */
	public static Map<String, String> documents() {
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("rollout: 1e999999999", flag("rollout: 1e999999999"));
		documents.put("rollout: -1e999999999", flag("rollout: -1e999999999"));
		documents.put("rollout: 1e-999999999", flag("rollout: 1e-999999999"));
		documents.put("a variant weight of 1e999999999", flag("variants: { a: 1e999999999, b: 1 }"));
		documents.put("maxErrors: 1e999999999", flag("health: { maxErrors: 1e999999999 }"));
		documents.put("regex ((((a{100}){100}){100}){100})", regex("((((a{100}){100}){100}){100})"));
		documents.put("regex (a{100}){100}", regex("(a{100}){100}"));
		documents.put("a 100,000-character literal regex", regex("a".repeat(100_000)));
		documents.put("window: 9999999999999999d", flag("health: { maxErrors: 5, window: 9999999999999999d }"));
		documents.put("schedule from the year 999999999", flag("schedule: { from: '+999999999-12-31T23:59:59Z' }"));
		documents.put("before: the year 999999999", flag(
				"rules: [ { when: [ { attribute: signup, before: '+999999999-12-31T23:59:59Z' } ], serve: on } ]"));
		documents.put("a YAML comment ending in a lone surrogate", "#" + "a".repeat(1023) + "\uD800");
		documents.put("a 1,500-deep segment chain", segmentChain(1500));
		documents.put("a 5,000-deep prerequisite chain", prerequisiteChain(5000));
		documents.put("owner: *team",
				"version: 1\nfeatures:\n  g: { owner: &team platform }\n  f:\n    owner: *team\n");
		return documents;
	}

	/**
	 * Returns a legacy reproducer: an activation date no date-time can hold.
	 * @return the document
	 */
	public static String legacyActivationDate() {
		return "{\"f\": {\"active\": true, \"activation_date\": \"+999999999-12-31T23:59:59\"}}";
	}

	static String flag(String field) {
		return "version: 1\nfeatures:\n  f:\n    " + field + "\n";
	}

	static String regex(String regex) {
		return flag("rules: [ { when: [ { attribute: userAgent, regex: '" + regex + "' } ], serve: on } ]");
	}

	/**
	 * Returns a document whose segments refer to each other in a chain.
	 * @param length the number of segments referring to the next
	 * @return the document
	 */
	public static String segmentChain(int length) {
		StringBuilder document = new StringBuilder("version: 1\nsegments:\n");
		for (int i = 0; i < length; i++) {
			document.append("  s").append(i).append(": [ { segment: s").append(i + 1).append(" } ]\n");
		}
		document.append("  s")
			.append(length)
			.append(": [ { attribute: region, equals: DE } ]\nfeatures:\n")
			.append("  f: { rules: [ { when: [ { segment: s0 } ], serve: on } ] }\n");
		return document.toString();
	}

	/**
	 * Returns a document whose flags require each other in a chain.
	 * @param length the number of flags requiring the next
	 * @return the document
	 */
	public static String prerequisiteChain(int length) {
		StringBuilder document = new StringBuilder("version: 1\nfeatures:\n");
		for (int i = 0; i < length; i++) {
			document.append("  f").append(i).append(": { requires: [ f").append(i + 1).append(" ] }\n");
		}
		return document.append("  f").append(length).append(": {}\n").toString();
	}

}
