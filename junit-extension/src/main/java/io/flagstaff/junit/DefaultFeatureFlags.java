package io.flagstaff.junit;

import io.flagstaff.Flagstaff;

/**
 * The {@link FeatureFlags} handle of one test, backed by its {@link TestScope}. Opens the
 * scope's session on first use, so a {@code Flagstaff} assigned in {@code @BeforeEach} is
 * found.
 */
final class DefaultFeatureFlags implements FeatureFlags {

	private final TestScope scope;

	DefaultFeatureFlags(TestScope scope) {
		this.scope = scope;
	}

	@Override
	public FeatureFlags enable(String... keys) {
		for (String key : keys) {
			this.scope.session().force(key, ForcedState.on("FeatureFlags.enable"));
		}
		return this;
	}

	@Override
	public FeatureFlags disable(String... keys) {
		for (String key : keys) {
			this.scope.session().force(key, ForcedState.off("FeatureFlags.disable"));
		}
		return this;
	}

	@Override
	public FeatureFlags variant(String key, String variant) {
		this.scope.session().force(key, ForcedState.variant(variant, "FeatureFlags.variant"));
		return this;
	}

	@Override
	public FeatureFlags reset(String... keys) {
		for (String key : keys) {
			this.scope.session().reset(key, "FeatureFlags.reset");
		}
		return this;
	}

	@Override
	public FeatureStates states() {
		return this.scope.session().states();
	}

	@Override
	public Flagstaff flagstaff() {
		return this.scope.session().flagstaff();
	}

	@Override
	public String toString() {
		return "FeatureFlags of the running test";
	}

}
