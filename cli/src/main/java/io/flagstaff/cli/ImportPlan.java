package io.flagstaff.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.store.VersionedFeature;
import io.flagstaff.store.WritableFeatureStore;

/**
 * What importing a document into a store changes: each segment and flag of the document
 * is new to the store, the same as the stored one, or different from it (a conflict,
 * overwritten only when asked). Writes go through the store's validated write path:
 * segments first, then flags with their prerequisites before them, so that no write
 * refers to something not yet stored.
 */
final class ImportPlan {

	private final FeatureSet document;

	private final Map<String, List<Condition>> storedSegments;

	private final Map<String, VersionedFeature> stored;

	private ImportPlan(FeatureSet document, Map<String, List<Condition>> storedSegments,
			Map<String, VersionedFeature> stored) {
		this.document = document;
		this.storedSegments = storedSegments;
		this.stored = stored;
	}

	/**
	 * Compares a document with what a store holds.
	 * @param document the flags and segments to import, already validated
	 * @param store the store
	 * @return the plan
	 */
	static ImportPlan of(FeatureSet document, WritableFeatureStore store) {
		FeatureSet content = store.load().features();
		Map<String, VersionedFeature> stored = new LinkedHashMap<>();
		for (String key : document.features().keySet()) {
			if (content.features().containsKey(key)) {
				VersionedFeature feature = store.feature(key);
				if (feature != null) {
					stored.put(key, feature);
				}
			}
		}
		return new ImportPlan(document, content.segments(), stored);
	}

	/**
	 * Returns what the import would overwrite.
	 * @return one line per differing segment or flag, such as {@code flag 'x'}; empty
	 * when nothing would be overwritten
	 */
	List<String> conflicts() {
		List<String> conflicts = new ArrayList<>();
		this.document.segments().forEach((name, conditions) -> {
			List<Condition> current = this.storedSegments.get(name);
			if (current != null && !current.equals(conditions)) {
				conflicts.add("segment '" + name + "'");
			}
		});
		this.document.features().forEach((key, feature) -> {
			VersionedFeature current = this.stored.get(key);
			if (current != null && !current.definition().equals(feature)) {
				conflicts.add("flag '" + key + "' (stored at version " + current.version() + ")");
			}
		});
		return conflicts;
	}

	/**
	 * Writes every new or different segment and flag; what is stored already unchanged is
	 * left alone.
	 * @param store the store the plan was made for
	 * @param actor who the audit names
	 * @return what was written
	 * @throws io.flagstaff.store.FeatureConflictException when a flag changed since the
	 * plan was made
	 */
	Result apply(WritableFeatureStore store, String actor) {
		Result result = new Result();
		try {
			for (Map.Entry<String, List<Condition>> segment : this.document.segments().entrySet()) {
				List<Condition> current = this.storedSegments.get(segment.getKey());
				if (segment.getValue().equals(current)) {
					result.unchangedSegments++;
					continue;
				}
				store.putSegment(segment.getKey(), segment.getValue(), actor);
				if (current == null) {
					result.addedSegments++;
				}
				else {
					result.replacedSegments++;
				}
			}
			for (FeatureDefinition feature : prerequisitesFirst()) {
				VersionedFeature current = this.stored.get(feature.key());
				if (current == null) {
					store.create(feature, actor);
					result.created++;
				}
				else if (current.definition().equals(feature)) {
					result.unchanged++;
				}
				else {
					store.update(feature, current.version(), actor);
					result.updated++;
				}
			}
		}
		catch (RuntimeException ex) {
			throw new PartialImportException(result, ex);
		}
		return result;
	}

	private List<FeatureDefinition> prerequisitesFirst() {
		List<FeatureDefinition> ordered = new ArrayList<>();
		Set<String> visited = new HashSet<>();
		for (String key : this.document.features().keySet()) {
			visit(key, visited, ordered);
		}
		return ordered;
	}

	private void visit(String key, Set<String> visited, List<FeatureDefinition> ordered) {
		FeatureDefinition feature = this.document.features().get(key);
		if (feature == null || !visited.add(key)) {
			return;
		}
		for (Prerequisite prerequisite : feature.requires()) {
			visit(prerequisite.feature(), visited, ordered);
		}
		ordered.add(feature);
	}

	/**
	 * What an import wrote. Not thread-safe.
	 */
	static final class Result {

		int created;

		int updated;

		int unchanged;

		int addedSegments;

		int replacedSegments;

		int unchangedSegments;

		int written() {
			return this.created + this.updated + this.addedSegments + this.replacedSegments;
		}

		@Override
		public String toString() {
			return plural(this.created, "flag") + " created, " + this.updated + " updated, " + this.unchanged
					+ " unchanged; " + plural(this.addedSegments, "segment") + " added, " + this.replacedSegments
					+ " replaced, " + this.unchangedSegments + " unchanged";
		}

		private static String plural(int count, String noun) {
			return count + " " + noun + ((count == 1) ? "" : "s");
		}

	}

	/**
	 * A store write failed part-way: carries what was written before.
	 */
	static final class PartialImportException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Result result;

		private final RuntimeException failure;

		PartialImportException(Result result, RuntimeException failure) {
			super(failure.getMessage(), failure);
			this.result = result;
			this.failure = failure;
		}

		Result result() {
			return this.result;
		}

		RuntimeException failure() {
			return this.failure;
		}

	}

}
