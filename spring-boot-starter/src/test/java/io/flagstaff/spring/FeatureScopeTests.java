package io.flagstaff.spring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.flagstaff.FeatureContext;
import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureScopeTests {

	private static final FeatureContext USER = FeatureContext.ofUser("u-1");

	private final Flagstaff flagstaff = Flagstaff
		.builder(InMemoryFeatureStore.of(FeatureDefinition.builder("checkout").enabled(false).build()))
		.build();

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	@AfterEach
	void close() {
		this.executor.shutdownNow();
		this.flagstaff.close();
	}

	@Test
	void decoratedTasksSeeTheOverrideScopeCurrentWhenTheScopeWasPinned() throws Exception {
		try (OverrideScope overrides = this.flagstaff.openScope()) {
			overrides.force("checkout", true);
			FeatureScope pinned;
			try (OverrideScope.Entered entered = overrides.enter()) {
				pinned = FeatureScope.pin(this.flagstaff, USER);
			}
			assertThat(pinned.isEnabled("checkout")).isTrue();
			assertThat(this.flagstaff.isEnabled("checkout", USER)).as("this thread left the override scope").isFalse();

			assertThat(runDecorated(pinned)).isEqualTo("true, leaves no trace: false");
		}
	}

	@Test
	void decoratedTasksOfAnEndedOverrideScopeSeeTheStore() throws Exception {
		OverrideScope overrides = this.flagstaff.openScope();
		overrides.force("checkout", true);
		FeatureScope pinned;
		try (OverrideScope.Entered entered = overrides.enter()) {
			pinned = FeatureScope.pin(this.flagstaff, USER);
		}
		overrides.close();

		assertThat(runDecorated(pinned)).isEqualTo("false, leaves no trace: false");
	}

	@Test
	void scopesPinnedOutsideAnyOverrideScopeCarryNone() throws Exception {
		try (OverrideScope overrides = this.flagstaff.openScope()) {
			overrides.force("checkout", true);
			FeatureScope pinned = FeatureScope.pin(this.flagstaff, USER);

			assertThat(pinned.isEnabled("checkout")).isFalse();
			assertThat(runDecorated(pinned)).isEqualTo("false, leaves no trace: false");
		}
	}

	private String runDecorated(FeatureScope pinned) throws Exception {
		AtomicReference<String> seen = new AtomicReference<>();
		Runnable task = () -> seen.set(String.valueOf(this.flagstaff.isEnabled("checkout", USER)));
		Runnable decorated;
		try (FeatureScope.Opened opened = pinned.open()) {
			decorated = new FeatureScopeTaskDecorator().decorate(task);
		}
		this.executor.submit(decorated).get(30, TimeUnit.SECONDS);
		boolean after = this.executor.submit(() -> this.flagstaff.isEnabled("checkout", USER))
			.get(30, TimeUnit.SECONDS);
		return seen.get() + ", leaves no trace: " + after;
	}

}
