package io.flagstaff.openfeature;

import java.util.Objects;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Tells the provider which work the calling thread is doing (an HTTP request, a job, a
 * message): the snapshot pinned for it and its context. While a scope is current, an
 * OpenFeature call evaluates against the pinned snapshot (the whole request sees one
 * consistent set of flags) with the scope's context as the base that the call's own
 * OpenFeature context adds to. The Spring Boot starter supplies one reading its request
 * scope. Implementations must be thread-safe, fast and must not block.
 */
@FunctionalInterface
public interface ScopeSource {

	/**
	 * Returns the scope of the work in progress on the calling thread.
	 * @return the scope, or {@code null} when the thread does no scoped work
	 */
	@Nullable Scope current();

	/**
	 * One pinned snapshot and the context of the work it serves.
	 *
	 * @param snapshot the snapshot to evaluate against
	 * @param context the base context
	 */
	record Scope(FeatureSnapshot snapshot, FeatureContext context) {

		public Scope {
			Objects.requireNonNull(snapshot, "snapshot");
			Objects.requireNonNull(context, "context");
		}

	}

}
