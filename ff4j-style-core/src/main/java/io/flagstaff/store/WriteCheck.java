package io.flagstaff.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.internal.SnapshotCompiler;
import io.flagstaff.model.FeatureSet;

/**
 * The check every write passes before it is stored: the whole set after the write must
 * not have a problem (as the evaluator's compiler reports them) that the set before it
 * did not have. Problems already stored do not block unrelated writes. A store that
 * composes others ({@link LayeredFeatureStore}) runs its writes {@link #within a view},
 * so they are checked on what the evaluator compiles, not on one layer alone.
 * Thread-safe.
 */
final class WriteCheck {

	private static final ThreadLocal<UnaryOperator<FeatureSet>> VIEW = new ThreadLocal<>();

	private WriteCheck() {
	}

	/**
	 * Runs a write whose checks see the writable store's content through a view; views of
	 * nested stores compose (the innermost first).
	 * @param view turns the writable store's content into what the evaluator compiles
	 * @param write the write
	 * @return what the write returns
	 */
	static <T> T within(UnaryOperator<FeatureSet> view, Supplier<T> write) {
		UnaryOperator<FeatureSet> outer = VIEW.get();
		VIEW.set((outer != null) ? (set) -> outer.apply(view.apply(set)) : view);
		try {
			return write.get();
		}
		finally {
			if (outer != null) {
				VIEW.set(outer);
			}
			else {
				VIEW.remove();
			}
		}
	}

	/**
	 * Rejects a write that introduces problems.
	 * @param before the store's content before the write
	 * @param after the store's content the write would leave
	 * @param source the write and the store, for the message
	 * @throws FeatureConfigException listing the new problems, each with its path and fix
	 */
	static void check(FeatureSet before, FeatureSet after, String source) {
		UnaryOperator<FeatureSet> view = VIEW.get();
		FeatureSet viewBefore = (view != null) ? view.apply(before) : before;
		FeatureSet viewAfter = (view != null) ? view.apply(after) : after;
		List<ConfigProblem> problems = SnapshotCompiler.problems(viewAfter);
		if (problems.isEmpty()) {
			return;
		}
		Set<ConfigProblem> existing = new HashSet<>(SnapshotCompiler.problems(viewBefore));
		List<ConfigProblem> introduced = problems.stream().filter((problem) -> !existing.contains(problem)).toList();
		if (!introduced.isEmpty()) {
			throw new FeatureConfigException(source, introduced);
		}
	}

}
