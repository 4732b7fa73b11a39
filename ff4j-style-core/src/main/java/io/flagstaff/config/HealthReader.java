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
		Integer maxErrors = this.reader.field(node, path, "maxErrors", this::count);
		Duration window = this.reader.field(node, path, "window", this.reader::duration);
		Double maxFailureRate = this.reader.field(node, path, "maxFailureRate", this.reader::fraction);
		Integer minCalls = this.reader.field(node, path, "minCalls", this::count);
		Duration latencyBaseline = this.reader.field(node, path, "latencyBaseline", this.reader::duration);
		Integer maxSlowCalls = this.reader.field(node, path, "maxSlowCalls", this::count);
		Double maxTrafficDrop = this.reader.field(node, path, "maxTrafficDrop", this.reader::fraction);
		HealthPolicy.Scope scope = HealthPolicy.Scope.FEATURE;
		String scopeName = this.reader.field(node, path, "scope", this.reader::text);
		if (scopeName != null) {
			switch (scopeName) {
				case "feature" -> scope = HealthPolicy.Scope.FEATURE;
				case "variant" -> scope = HealthPolicy.Scope.VARIANT;
				default -> this.reader.problem(Problems.child(path, "scope"),
						FeatureReader.unknownValue(scopeName, List.of("feature", "variant")));
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

	private @Nullable Integer count(JsonNode node, String path) {
		return this.reader.integer(node, path, 1);
	}

}
