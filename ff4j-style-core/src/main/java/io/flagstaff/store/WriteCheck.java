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
import org.jspecify.annotations.Nullable;

/**
 * The check every write passes before it is stored: the whole set after the write must
 * not have a problem (as the evaluator's compiler reports them) that the set before it
 * did not have. Problems already stored do not block unrelated writes. A store that
 * composes others ({@link LayeredFeatureStore}) runs its writes {@link #within a view},
 * so they are checked on what the evaluator compiles, not on one layer alone.
 * Thread-safe.
 */
final class WriteCheck {

	private static final ThreadLocal<View> VIEW = new ThreadLocal<>();

	private WriteCheck() {
	}

	/**
	 * Runs a write of a composing store on the store it writes to, whose checks then see
	 * that store's content through a view. The view belongs to that target store alone: a
	 * write to any other store on the same thread (say from a change listener called
	 * during this write) is checked on its own content. Views of nested stores compose
	 * (the innermost first); a store that only forwards passes {@code null} and hands an
	 * active view on to its target.
	 * @param self the composing or forwarding store
	 * @param target the store the write goes to
	 * @param view turns the target's content into what the evaluator compiles, or
	 * {@code null} for none of its own
	 * @param write the write
	 * @return what the write returns
	 */
	static <T> T within(Object self, Object target, @Nullable UnaryOperator<FeatureSet> view, Supplier<T> write) {
		View outer = VIEW.get();
		boolean nested = outer != null && outer.target() == self;
		if (view == null && !nested) {
			return write.get();
		}
		UnaryOperator<FeatureSet> combined;
		if (!nested) {
			combined = view;
		}
		else if (view == null) {
			combined = outer.view();
		}
		else {
			combined = (set) -> outer.view().apply(view.apply(set));
		}
		VIEW.set(new View(target, combined));
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
	 * @param store the store being written, to find the view that applies to it
	 * @param before the store's content before the write
	 * @param after the store's content the write would leave
	 * @param source the write and the store, for the message
	 * @throws FeatureConfigException listing the new problems, each with its path and fix
	 */
	static void check(Object store, FeatureSet before, FeatureSet after, String source) {
		View active = VIEW.get();
		UnaryOperator<FeatureSet> view = (active != null && active.target() == store) ? active.view() : null;
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

	private record View(Object target, UnaryOperator<FeatureSet> view) {
	}

}
