package io.flagstaff.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.flagstaff.model.Condition;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;

/**
 * Creates the flags and segments of a document that a shared store lacks, so that the
 * flag document kept with the code seeds the store and the store keeps the runtime state
 * (kills, rollouts, operators' changes). Writes go through the store's validated write
 * path, audited with the actor {@value #ACTOR}: segments first, then flags, each after
 * the segments and prerequisites it names. A flag or segment the store already holds is
 * never touched. Many application instances may bootstrap the same store at once: each
 * flag and segment is created exactly once, and finding that another instance created it
 * first (a {@link FeatureConflictException}) counts as done. Thread-safe.
 */
public final class StoreBootstrap {

	/** The audit actor of the bootstrap's writes. */
	public static final String ACTOR = "bootstrap";

	private StoreBootstrap() {
	}

	/**
	 * Creates, in a store, what a document holds and the store lacks, as the mode says.
	 * @param store the store
	 * @param document the flags and segments, already validated (as
	 * {@code FeatureDocuments.parse} does)
	 * @param mode when to write
	 * @return what was created and what was already stored
	 * @throws FeatureStoreException when the store cannot be read or written (what was
	 * created before stays; running the bootstrap again completes it)
	 * @throws io.flagstaff.config.FeatureConfigException when the store refuses a flag of
	 * the document because of what it holds (for example a prerequisite on a variant the
	 * stored flag lacks); nothing of that flag is stored
	 */
	public static Result run(WritableFeatureStore store, FeatureSet document, Mode mode) {
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(document, "document");
		if (mode == Mode.NONE) {
			return new Result(mode, List.of(), List.of(), 0, false);
		}
		FeatureSet stored = store.load().features();
		if (mode == Mode.IF_EMPTY && !(stored.features().isEmpty() && stored.segments().isEmpty())) {
			return new Result(mode, List.of(), List.of(), stored.features().size(), false);
		}
		List<String> segments = new ArrayList<>();
		for (String name : dependenciesFirst(document.segments(), StoreBootstrap::segmentsNamed)) {
			List<Condition> conditions = Objects.requireNonNull(document.segments().get(name));
			if (!stored.segments().containsKey(name) && store.createSegment(name, conditions, ACTOR)) {
				segments.add(name);
			}
		}
		List<String> features = new ArrayList<>();
		for (String key : dependenciesFirst(document.features(), StoreBootstrap::prerequisites)) {
			FeatureDefinition feature = Objects.requireNonNull(document.features().get(key));
			if (!stored.features().containsKey(key) && created(store, feature)) {
				features.add(key);
			}
		}
		return new Result(mode, features, segments, document.features().size() - features.size(), true);
	}

	private static boolean created(WritableFeatureStore store, FeatureDefinition feature) {
		try {
			store.create(feature, ACTOR);
			return true;
		}
		catch (FeatureConflictException ex) {
			// another instance created it first
			return false;
		}
	}

	private static List<String> segmentsNamed(List<Condition> conditions) {
		return conditions.stream()
			.filter(Condition.Segment.class::isInstance)
			.map((condition) -> ((Condition.Segment) condition).segment())
			.toList();
	}

	private static List<String> prerequisites(FeatureDefinition feature) {
		return feature.requires().stream().map(Prerequisite::feature).toList();
	}

	/**
	 * Orders names so that each comes after the names it depends on (those in the map);
	 * otherwise in map order. Iterative, so that chains of any length are ordered.
	 */
	static <T> List<String> dependenciesFirst(Map<String, T> items, Function<T, Collection<String>> dependencies) {
		List<String> ordered = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Deque<Map.Entry<String, Iterator<String>>> path = new ArrayDeque<>();
		for (String root : items.keySet()) {
			if (!seen.add(root)) {
				continue;
			}
			path.push(Map.entry(root, dependencies.apply(items.get(root)).iterator()));
			while (!path.isEmpty()) {
				Iterator<String> next = path.peek().getValue();
				if (next.hasNext()) {
					String dependency = next.next();
					if (items.containsKey(dependency) && seen.add(dependency)) {
						path.push(Map.entry(dependency, dependencies.apply(items.get(dependency)).iterator()));
					}
				}
				else {
					ordered.add(path.pop().getKey());
				}
			}
		}
		return ordered;
	}

	/**
	 * When the bootstrap writes.
	 */
	public enum Mode {

		/**
		 * Create every flag and segment of the document that the store lacks; never
		 * change one it holds.
		 */
		MISSING,
		/** Create the document's flags and segments only when the store holds none. */
		IF_EMPTY,
		/** Never write. */
		NONE

	}

	/**
	 * What a bootstrap did.
	 *
	 * @param mode the mode it ran in
	 * @param createdFeatures the flags this call created, in the order written
	 * @param createdSegments the segments this call created, in the order written
	 * @param keptFeatures how many flags of the document were left as the store holds
	 * them (or, when the store was not empty in {@link Mode#IF_EMPTY}, how many flags it
	 * holds)
	 * @param checked whether the store was compared with the document ({@code false}:
	 * mode {@link Mode#NONE}, or a store that was not empty in {@link Mode#IF_EMPTY})
	 */
	public record Result(Mode mode, List<String> createdFeatures, List<String> createdSegments, int keptFeatures,
			boolean checked) {

		public Result {
			Objects.requireNonNull(mode, "mode");
			createdFeatures = List.copyOf(createdFeatures);
			createdSegments = List.copyOf(createdSegments);
		}

		/**
		 * Describes the outcome in one sentence, for a log line.
		 * @return for example {@code created 2 flags [a, b] and 0 segments; 5 flags were
		 * already stored and left as they are}
		 */
		@Override
		public String toString() {
			if (this.mode == Mode.NONE) {
				return "mode none: nothing written";
			}
			if (!this.checked) {
				return "mode if-empty: the store holds " + this.keptFeatures + " flag(s), nothing written";
			}
			return "created " + this.createdFeatures.size() + " flag(s) " + this.createdFeatures + " and "
					+ this.createdSegments.size() + " segment(s) " + this.createdSegments + "; " + this.keptFeatures
					+ " flag(s) were already stored and left as they are";
		}

	}

}
