package io.flagstaff.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.flagstaff.config.ConfigProblem;
import io.flagstaff.config.FeatureConfigException;
import io.flagstaff.internal.SnapshotCompiler;
import io.flagstaff.model.FeatureSet;
import org.jspecify.annotations.Nullable;

/**
 * The check every write passes before it is stored: the set after the write must not have
 * a problem (as the evaluator's compiler reports them) that the set before it did not
 * have. Only the flags the write touches are compiled, on both sides
 * ({@link SnapshotCompiler#introducedProblems}). Problems already stored do not block
 * unrelated writes. A store that composes others ({@link LayeredFeatureStore}) runs its
 * writes {@link #within within views}, so they are checked on what the evaluator
 * compiles, not on one layer alone (and, when a layer above could hide the write, also on
 * the view without that layer). Thread-safe.
 */
final class WriteCheck {

	private static final ThreadLocal<View> VIEW = new ThreadLocal<>();

	private WriteCheck() {
	}

	/**
	 * Runs a write as {@link #within(Object, Object, UnaryOperator, Supplier)} does,
	 * checked on each of several views: a write must introduce a problem in none of them.
	 * @param self the composing or forwarding store
	 * @param target the store the write goes to
	 * @param views the views of the target's content, none for a store that only forwards
	 * @param write the write
	 * @return what the write returns
	 */
	static <T> T within(Object self, Object target, List<UnaryOperator<FeatureSet>> views, Supplier<T> write) {
		View outer = VIEW.get();
		boolean nested = outer != null && outer.target() == self;
		if (views.isEmpty() && !nested) {
			return write.get();
		}
		List<UnaryOperator<FeatureSet>> combined;
		if (!nested) {
			combined = views;
		}
		else if (views.isEmpty()) {
			combined = outer.views();
		}
		else {
			combined = new ArrayList<>();
			for (UnaryOperator<FeatureSet> outerView : outer.views()) {
				for (UnaryOperator<FeatureSet> view : views) {
					combined.add((set) -> outerView.apply(view.apply(set)));
				}
			}
		}
		VIEW.set(new View(target, List.copyOf(combined)));
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
		if (active == null || active.target() != store) {
			check(before, after, source);
			return;
		}
		for (UnaryOperator<FeatureSet> view : active.views()) {
			check(view.apply(before), view.apply(after), source);
		}
	}

	private static void check(FeatureSet before, FeatureSet after, String source) {
		List<ConfigProblem> introduced = SnapshotCompiler.introducedProblems(before, after);
		if (!introduced.isEmpty()) {
			throw new FeatureConfigException(source, introduced);
		}
	}

	private record View(Object target, List<UnaryOperator<FeatureSet>> views) {
	}

}
