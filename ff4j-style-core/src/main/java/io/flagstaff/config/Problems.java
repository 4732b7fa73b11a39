package io.flagstaff.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one document, keeping the first {@link Limits#MAX_PROBLEMS}
 * and counting the rest, and its warnings (what was read although it looks like a
 * mistake). Not thread-safe.
 */
final class Problems {

	private final List<ConfigProblem> list = new ArrayList<>();

	private final List<ConfigProblem> warnings = new ArrayList<>();

	private int count;

	void add(String path, String message) {
		if (this.count++ < Limits.MAX_PROBLEMS) {
			this.list.add(new ConfigProblem(path, message));
		}
	}

	void addAll(List<ConfigProblem> problems) {
		problems.forEach((problem) -> add(problem.path(), problem.message()));
	}

	void warn(String path, String message) {
		if (this.warnings.size() < Limits.MAX_PROBLEMS) {
			this.warnings.add(new ConfigProblem(path, message));
		}
	}

	List<ConfigProblem> warnings() {
		return List.copyOf(this.warnings);
	}

	boolean isEmpty() {
		return this.count == 0;
	}

	/**
	 * Returns how many problems were found, listed or not.
	 */
	int size() {
		return this.count;
	}

	void throwIfAny(String source) {
		if (this.count > 0) {
			List<ConfigProblem> listed = new ArrayList<>(this.list);
			if (this.count > listed.size()) {
				listed.add(new ConfigProblem("(document)", (this.count - listed.size())
						+ " more problems are not listed; fix the ones above and read the document again"));
			}
			throw new FeatureConfigException(source, listed);
		}
	}

	static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	static String index(String path, int index) {
		return path + "[" + index + "]";
	}

}
