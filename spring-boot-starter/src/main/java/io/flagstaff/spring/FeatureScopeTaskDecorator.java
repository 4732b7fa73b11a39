package io.flagstaff.spring;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the caller's {@link FeatureScope} to tasks run by Spring's executors, so an
 * {@code @Async} method sees the same pinned snapshot and context as the request that
 * started it. Spring Boot applies every {@code TaskDecorator} bean to its auto-configured
 * executors.
 */
public final class FeatureScopeTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		FeatureScope scope = FeatureScope.current();
		if (scope == null) {
			return runnable;
		}
		return () -> {
			FeatureScope.Opened opened = scope.open();
			try {
				runnable.run();
			}
			finally {
				opened.close();
			}
		};
	}

}
