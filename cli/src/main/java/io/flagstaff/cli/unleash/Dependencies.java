package io.flagstaff.cli.unleash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.model.Prerequisite;
import org.jspecify.annotations.Nullable;
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
			if (variants == null) {
				notes.add("dependencies: parent '" + parentName + "' defines none of the required variants "
						+ Json.texts(dependency, "variants") + "; like Unleash, the flag is off");
				satisfiable = false;
				continue;
			}
			requires.add(new Prerequisite(parentName, enabled, variants));
		}
		return satisfiable;
	}

	/**
	 * Returns the variants a prerequisite requires: those of the required ones the parent
	 * defines; empty when any variant will do; {@code null} when none can ever be served.
	 */
	private static @Nullable List<String> variants(JsonNode dependency, JsonNode parent, String parentName,
			List<String> notes) {
		List<String> required = Json.texts(dependency, "variants");
		if (required.isEmpty()) {
			return List.of();
		}
		Set<String> defined = definedVariants(parent);
		if (required.contains(DISABLED_VARIANT)) {
			if (defined.isEmpty()) {
				// The parent never serves a variant; Unleash names that "disabled": being
				// on suffices.
				return List.of();
			}
			notes.add("dependencies: parent '" + parentName + "' variant 'disabled' (on without a variant) "
					+ "cannot be required natively; only its other variants are required");
		}
		List<String> variants = new ArrayList<>();
		for (String variant : required) {
			if (defined.contains(variant)) {
				variants.add(variant);
			}
		}
		return variants.isEmpty() ? null : variants;
	}

	private static Set<String> definedVariants(JsonNode feature) {
		Set<String> names = new LinkedHashSet<>();
		Json.array(feature, "variants").forEach((variant) -> addName(names, variant));
		for (JsonNode strategy : Json.array(feature, "strategies")) {
			Json.array(strategy, "variants").forEach((variant) -> addName(names, variant));
		}
		return names;
	}

	private static void addName(Set<String> names, JsonNode variant) {
		String name = Json.text(variant, "name");
		if (name != null) {
			names.add(name);
		}
	}

}
