package io.flagstaff.config;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole native document: {@code version}, {@code segments} and {@code features}.
 */
final class NativeReader {

	static final List<String> TOP_FIELDS = List.of("version", "segments", "features");

	static final String FEATURES = "features";

	private final NodeReader reader;

	private final FeatureReader features;

	private final Set<String> failedFeatures = new HashSet<>();

	private boolean segmentsReadable = true;

	NativeReader(Problems problems) {
		this.reader = new NodeReader(problems);
		this.features = new FeatureReader(this.reader);
	}

	/**
	 * Reads a document.
	 * @return the segments and the flags that have no problem, or {@code null} when the
	 * document is not a mapping; check the problems to know whether the set is complete
	 */
	@Nullable FeatureSet document(JsonNode root) {
		if (!this.reader.object(root, "", TOP_FIELDS)) {
			return null;
		}
		version(root.get("version"));
		Map<String, List<Condition>> segments = new LinkedHashMap<>();
		JsonNode segmentsNode = root.get("segments");
		this.segmentsReadable = segmentsNode == null || segmentsNode.isObject();
		if (segmentsNode != null && this.reader.isMap(segmentsNode, "segments",
				"segment names to lists of conditions, such as { beta: [ { attribute: beta, isTrue: true } ] }")) {
			for (Map.Entry<String, JsonNode> entry : segmentsNode.properties()) {
				segments.put(entry.getKey(),
						this.features.conditions().list(entry.getValue(), Problems.child("segments", entry.getKey())));
			}
		}
		Map<String, FeatureDefinition> flags = new LinkedHashMap<>();
		JsonNode featuresNode = root.get(FEATURES);
		if (featuresNode != null && this.reader.isMap(featuresNode, FEATURES,
				"flag keys to flags, such as { new-checkout: { rollout: 10 } }")) {
			for (Map.Entry<String, JsonNode> entry : featuresNode.properties()) {
				FeatureDefinition feature = this.features.feature(entry.getKey(), entry.getValue(),
						Problems.child(FEATURES, entry.getKey()));
				if (feature != null) {
					flags.put(entry.getKey(), feature);
				}
				else {
					this.failedFeatures.add(entry.getKey());
				}
			}
		}
		return new FeatureSet(segments, flags);
	}

	/**
	 * Returns the keys of the flags left out of the set because they have problems.
	 * @return the keys
	 */
	Set<String> failedFeatures() {
		return this.failedFeatures;
	}

	/**
	 * Returns whether the segments could be read, so that references to them can be
	 * checked.
	 * @return {@code false} when {@code segments} is not a mapping
	 */
	boolean segmentsReadable() {
		return this.segmentsReadable;
	}

	@Nullable FeatureDefinition feature(String key, JsonNode node) {
		return this.features.feature(key, node, Problems.child(FEATURES, key));
	}

	List<Condition> segment(String name, JsonNode node) {
		return this.features.conditions().list(node, Problems.child("segments", name));
	}

	private void version(@Nullable JsonNode version) {
		if (version == null) {
			this.reader.problem("version", "is required: add version: 1 at the top of the document");
			return;
		}
		if (!version.isNumber() || version.decimalValue().compareTo(BigDecimal.ONE) != 0) {
			this.reader.problem("version",
					"must be 1, the only version this Flagstaff reads, was " + NodeReader.describe(version));
		}
	}

}
