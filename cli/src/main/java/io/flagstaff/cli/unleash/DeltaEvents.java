package io.flagstaff.cli.unleash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.config.ConfigProblem;
import tools.jackson.databind.JsonNode;

/**
 * Applies Unleash delta events ({@code hydration}, {@code feature-updated},
 * {@code feature-removed}, {@code segment-updated}, {@code segment-removed}) in order,
 * giving the state they describe.
 */
final class DeltaEvents {

	private DeltaEvents() {
	}

	/**
	 * Applies events to an empty state.
	 * @param events the events in order
	 * @param problems receives unknown event types
	 * @return the resulting state
	 */
	static UnleashImporter.UnleashState apply(List<JsonNode> events, List<ConfigProblem> problems) {
		Map<String, JsonNode> features = new LinkedHashMap<>();
		Map<String, JsonNode> segments = new LinkedHashMap<>();
		for (int i = 0; i < events.size(); i++) {
			JsonNode event = events.get(i);
			String type = Json.text(event, "type");
			switch ((type != null) ? type : "") {
				case "hydration" -> {
					features.clear();
					segments.clear();
					Json.array(event, "features").forEach((feature) -> put(features, feature, "name"));
					Json.array(event, "segments").forEach((segment) -> put(segments, segment, "id"));
				}
				case "feature-updated" -> {
					JsonNode feature = Json.object(event, "feature");
					if (feature != null) {
						put(features, feature, "name");
					}
				}
				case "feature-removed" -> features.remove(String.valueOf(Json.text(event, "featureName")));
				case "segment-updated" -> {
					JsonNode segment = Json.object(event, "segment");
					if (segment != null) {
						put(segments, segment, "id");
					}
				}
				case "segment-removed" -> segments.remove(String.valueOf(Json.text(event, "segmentId")));
				default -> problems.add(new ConfigProblem("events[" + i + "].type",
						"'" + type
								+ "' is not a delta event type; expected hydration, feature-updated, feature-removed, "
								+ "segment-updated or segment-removed"));
			}
		}
		return new UnleashImporter.UnleashState(new ArrayList<>(features.values()), new ArrayList<>(segments.values()));
	}

	private static void put(Map<String, JsonNode> map, JsonNode item, String keyField) {
		String key = Json.text(item, keyField);
		if (key != null) {
			map.put(key, item);
		}
	}

}
