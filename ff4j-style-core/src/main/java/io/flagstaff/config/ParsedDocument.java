package io.flagstaff.config;

import java.util.List;
import java.util.Objects;

import io.flagstaff.model.FeatureSet;

/**
 * A document that was read, with the warnings about it: what it holds that the reader
 * read as the legacy system would, although it looks like a mistake (an unknown key, a
 * list element no context value can equal, a threshold below zero), each with its path
 * ({@code new_ui.regions[1]}) and what was made of it. Immutable.
 *
 * @param features the flags and segments
 * @param warnings the warnings, in document order; empty for a native document
 */
public record ParsedDocument(FeatureSet features, List<ConfigProblem> warnings) {

	public ParsedDocument {
		Objects.requireNonNull(features, "features");
		warnings = List.copyOf(warnings);
	}

}
