package io.flagstaff.spring.openfeature;

import io.flagstaff.openfeature.ScopeSource;
import io.flagstaff.spring.FeatureScope;
import org.jspecify.annotations.Nullable;

/**
 * The provider's scope source in a Spring application: the {@link FeatureScope} open on
 * the calling thread (the request's, on servlet threads and in {@code @Async} tasks), so
 * an OpenFeature call made while handling a request evaluates against the request's
 * pinned snapshot with the request's context as its base. Stateless and thread-safe.
 */
public final class FeatureScopeSource implements ScopeSource {

	@Override
	public @Nullable Scope current() {
		FeatureScope scope = FeatureScope.current();
		return (scope != null) ? new Scope(scope.snapshot(), scope.context()) : null;
	}

}
