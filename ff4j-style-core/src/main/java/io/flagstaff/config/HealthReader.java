package io.flagstaff.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.flagstaff.model.HealthPolicy;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a flag's {@code health} block.
 */
final class HealthReader {

	static final List<String> HEALTH_FIELDS = List.of("maxErrors", "window", "maxFailureRate", "minCalls",
			"latencyBaseline", "maxSlowCalls", "maxTrafficDrop", "scope");

	private final NodeReader reader;

	HealthReader(NodeReader reader) {
		this.reader = reader;
	}

	@Nullable HealthPolicy policy(JsonNode node, String path) {
		int before = this.reader.problems().size();
		if (!this.reader.object(node, path, HEALTH_FIELDS)) {
			return null;
		}
		Integer maxErrors = integer(node, path, "maxErrors");
		Duration window = duration(node, path, "window");
		Double maxFailureRate = fraction(node, path, "maxFailureRate");
		Integer minCalls = integer(node, path, "minCalls");
		Duration latencyBaseline = duration(node, path, "latencyBaseline");
		Integer maxSlowCalls = integer(node, path, "maxSlowCalls");
		Double maxTrafficDrop = fraction(node, path, "maxTrafficDrop");
		HealthPolicy.Scope scope = HealthPolicy.Scope.FEATURE;
		if (node.has("scope")) {
			String text = this.reader.text(node.get("scope"), Problems.child(path, "scope"));
			if (text != null) {
				switch (text) {
					case "feature" -> scope = HealthPolicy.Scope.FEATURE;
					case "variant" -> scope = HealthPolicy.Scope.VARIANT;
					default -> this.reader.problem(Problems.child(path, "scope"),
							FeatureReader.unknownValue(text, List.of("feature", "variant")));
				}
			}
		}
		if (maxSlowCalls != null && latencyBaseline == null && !node.has("latencyBaseline")) {
			this.reader.problem(Problems.child(path, "maxSlowCalls"),
					"needs latencyBaseline, the duration above which a call is slow, such as latencyBaseline: 300ms");
		}
		if (minCalls != null && maxFailureRate == null && !node.has("maxFailureRate")) {
			this.reader.problem(Problems.child(path, "minCalls"),
					"applies only with maxFailureRate; add maxFailureRate: 0.5 or remove minCalls");
		}
		if (this.reader.problems().size() > before) {
			return null;
		}
		return new HealthPolicy(maxErrors, window, maxFailureRate, minCalls, latencyBaseline, maxSlowCalls,
				maxTrafficDrop, scope);
	}

	static String scopeName(HealthPolicy.Scope scope) {
		return scope.name().toLowerCase(Locale.ROOT);
	}

	private @Nullable Integer integer(JsonNode node, String path, String field) {
		return node.has(field) ? this.reader.integer(node.get(field), Problems.child(path, field), 1) : null;
	}

	private @Nullable Duration duration(JsonNode node, String path, String field) {
		return node.has(field) ? this.reader.duration(node.get(field), Problems.child(path, field)) : null;
	}

	private @Nullable Double fraction(JsonNode node, String path, String field) {
		return node.has(field) ? this.reader.fraction(node.get(field), Problems.child(path, field)) : null;
	}

}
