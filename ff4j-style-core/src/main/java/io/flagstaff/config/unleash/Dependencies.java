package io.flagstaff.config.unleash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flagstaff.model.Prerequisite;
import tools.jackson.databind.JsonNode;

/**
 * Maps Unleash feature dependencies to prerequisites, with Unleash's limits: a parent
 * must exist and must not depend on another flag itself (no transitive dependencies,
 * hence no cycles), otherwise the child is never on.
 */
final class Dependencies {

	/** The name Unleash reports when a flag serves no variant. */
	static final String DISABLED_VARIANT = "disabled";

	private Dependencies() {
	}

	/**
	 * Resolves a flag's dependencies.
	 * @param name the flag key
	 * @param feature the Unleash feature
	 * @param all every Unleash feature by name
	 * @param requires receives the prerequisites
	 * @param notes receives what could not be imported as-is
	 * @return {@code false} when a dependency can never be satisfied (the flag is never
	 * on)
	 */
	static boolean resolve(String name, JsonNode feature, Map<String, JsonNode> all, List<Prerequisite> requires,
			List<String> notes) {
		boolean satisfiable = true;
		for (JsonNode dependency : Json.array(feature, "dependencies")) {
			String parentName = Json.text(dependency, "feature");
			JsonNode parent = (parentName != null) ? all.get(parentName) : null;
			if (parentName == null || parent == null) {
				notes.add("dependencies: parent '" + parentName + "' does not exist; like Unleash, the flag is off");
				satisfiable = false;
				continue;
			}
			if (!Json.array(parent, "dependencies").isEmpty()) {
				notes.add("dependencies: parent '" + parentName
						+ "' has dependencies itself, which Unleash does not allow; like Unleash, the flag is off");
				satisfiable = false;
				continue;
			}
			boolean enabled = Json.bool(dependency, "enabled", true);
			List<String> variants = enabled ? variants(dependency, parent, parentName, notes) : List.of();
			requires.add(new Prerequisite(parentName, enabled, variants));
		}
		return satisfiable;
	}

	private static List<String> variants(JsonNode dependency, JsonNode parent, String parentName, List<String> notes) {
		List<String> variants = new ArrayList<>(Json.texts(dependency, "variants"));
		if (!variants.remove(DISABLED_VARIANT)) {
			return variants;
		}
		if (!hasVariants(parent)) {
			// The parent serves no variant when on, which Unleash names "disabled": being
			// on suffices.
			return List.of();
		}
		notes.add("dependencies: parent '" + parentName + "' variant 'disabled' (on without a variant) cannot be "
				+ "required natively; only its other variants " + variants + " are required");
		return variants;
	}

	private static boolean hasVariants(JsonNode feature) {
		if (!Json.array(feature, "variants").isEmpty()) {
			return true;
		}
		for (JsonNode strategy : Json.array(feature, "strategies")) {
			if (!Json.array(strategy, "variants").isEmpty()) {
				return true;
			}
		}
		return false;
	}

}
