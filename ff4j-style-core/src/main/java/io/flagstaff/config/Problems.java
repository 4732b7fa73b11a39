package io.flagstaff.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one document. Not thread-safe.
 */
final class Problems {

	private final List<ConfigProblem> list = new ArrayList<>();

	void add(String path, String message) {
		this.list.add(new ConfigProblem(path, message));
	}

	void addAll(List<ConfigProblem> problems) {
		this.list.addAll(problems);
	}

	boolean isEmpty() {
		return this.list.isEmpty();
	}

	int size() {
		return this.list.size();
	}

	List<ConfigProblem> list() {
		return List.copyOf(this.list);
	}

	void throwIfAny(String source) {
		if (!this.list.isEmpty()) {
			throw new FeatureConfigException(source, this.list);
		}
	}

	static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	static String index(String path, int index) {
		return path + "[" + index + "]";
	}

}
