package io.flagstaff.openfeature;

import java.util.concurrent.ConcurrentHashMap;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.model.FeatureDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FlagView}s of one snapshot, each built the first time its flag is evaluated
 * through OpenFeature. Unknown keys are not remembered, so no caller can grow it beyond
 * the snapshot's flags. Thread-safe.
 */
final class Catalog {

	final FeatureSnapshot snapshot;

	/**
	 * The catalog this one replaced, kept for work still pinned to its snapshot; only the
	 * latest catalog holds one, so they never chain.
	 */
	@Nullable Catalog previous;

	private final ConcurrentHashMap<String, FlagView> views = new ConcurrentHashMap<>();

	Catalog(FeatureSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	/**
	 * Returns the view of a flag.
	 * @param key the flag key
	 * @return the view, or {@code null} when the snapshot has no such flag
	 */
	@Nullable FlagView view(String key) {
		FlagView view = this.views.get(key);
		if (view == null) {
			FeatureDefinition definition = this.snapshot.definition(key);
			if (definition == null) {
				return null;
			}
			view = this.views.computeIfAbsent(key, (k) -> new FlagView(definition));
		}
		return view;
	}

}
