package io.flagstaff.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import io.flagstaff.Reason;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.InMemoryFeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OverrideScopeTests {

	private static final FeatureContext USER = FeatureContext.ofUser("u-1");

	private final InMemoryFeatureStore store = InMemoryFeatureStore.of(
			FeatureDefinition.builder("checkout").enabled(false).build(), FeatureDefinition.builder("search").build(),
			FeatureDefinition.builder("layout")
				.variants(List.of(new VariantDefinition("list", 1, null), new VariantDefinition("grid", 0, null)))
				.build());

	private final Flagstaff flagstaff = Flagstaff.builder(this.store).build();

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@AfterEach
	void close() {
		this.other.shutdownNow();
		this.flagstaff.close();
	}

	@Test
	void statesOfAScopeAreSeenOnlyOnTheThreadThatEnteredIt() throws Exception {
		try (OverrideScope scope = this.flagstaff.openScope()) {
			scope.force("checkout", true);
			scope.forceVariant("layout", "grid");
			try (OverrideScope.Entered entered = scope.enter()) {
				assertThat(this.flagstaff.isEnabled("checkout", USER)).isTrue();
				assertThat(this.flagstaff.variant("layout", USER)).isEqualTo("grid");
				assertThat(this.flagstaff.evaluate("checkout", USER).reason()).isEqualTo(Reason.OVERRIDE);
				assertThat(this.flagstaff.snapshot().isEnabled("checkout", USER)).isTrue();
				assertThat(this.flagstaff.currentScope()).isSameAs(scope);
				assertThat(onOtherThread("checkout")).isFalse();
				assertThat(this.other.submit(() -> this.flagstaff.variant("layout", USER)).get()).isEqualTo("list");
				assertThat(this.other.submit(() -> this.flagstaff.currentScope()).get()).isNull();
			}
			assertThat(this.flagstaff.isEnabled("checkout", USER)).isFalse();
			assertThat(this.flagstaff.currentScope()).isNull();
			assertThat(scope.snapshot().isEnabled("checkout", USER)).isTrue();
		}
	}

	@Test
	void twoScopesForceOppositeStatesOfOneFlagAtTheSameTime() throws Exception {
		CyclicBarrier bothInside = new CyclicBarrier(2);
		Future<Boolean> on = this.other.submit(() -> seenInScope(true, bothInside));
		boolean off = seenInScope(false, bothInside);

		assertThat(on.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(off).isFalse();
		assertThat(this.flagstaff.isEnabled("search", USER)).isTrue();
	}

	private boolean seenInScope(boolean state, CyclicBarrier bothInside) throws Exception {
		try (OverrideScope scope = this.flagstaff.openScope(); OverrideScope.Entered entered = scope.enter()) {
			scope.force("search", state);
			bothInside.await(30, TimeUnit.SECONDS);
			boolean seen = this.flagstaff.isEnabled("search", USER);
			bothInside.await(30, TimeUnit.SECONDS);
			return seen;
		}
	}

	@Test
	void aScopeWinsOverTheGlobalOverridesAndSeesTheOthers() {
		this.flagstaff.overrides().force("search", false);
		this.flagstaff.overrides().force("checkout", false);
		try (OverrideScope scope = this.flagstaff.openScope(); OverrideScope.Entered entered = scope.enter()) {
			scope.force("checkout", true);
			assertThat(this.flagstaff.isEnabled("checkout", USER)).isTrue();
			assertThat(this.flagstaff.isEnabled("search", USER)).isFalse();
			this.flagstaff.overrides().clear("search");
			assertThat(this.flagstaff.isEnabled("search", USER)).isTrue();
		}
		finally {
			this.flagstaff.overrides().clearAll();
		}
	}

	@Test
	void aScopeFollowsStoreChangesAndKeepsItsStates() throws Exception {
		try (OverrideScope scope = this.flagstaff.openScope(); OverrideScope.Entered entered = scope.enter()) {
			scope.force("checkout", true);
			FeatureSnapshot before = scope.snapshot();
			this.store.put(FeatureDefinition.builder("search").enabled(false).build());

			assertThat(this.flagstaff.isEnabled("search", USER)).isFalse();
			assertThat(this.flagstaff.isEnabled("checkout", USER)).isTrue();
			assertThat(scope.snapshot()).isNotSameAs(before);
			assertThat(scope.snapshot().version())
				.isEqualTo(this.other.submit(() -> this.flagstaff.snapshot().version()).get());
		}
	}

	@Test
	void clearingAndClosingDropTheStatesEverywhere() throws Exception {
		OverrideScope scope = this.flagstaff.openScope();
		OverrideScope.Entered entered = scope.enter();
		scope.force("checkout", true);
		scope.force("search", false);
		scope.clear("search");
		assertThat(scope.current()).containsOnlyKeys("checkout");
		assertThat(this.flagstaff.isEnabled("search", USER)).isTrue();
		assertThat(this.flagstaff.scope(scope.id())).isSameAs(scope);

		scope.close();

		assertThat(this.flagstaff.isEnabled("checkout", USER)).as("still entered, but closed").isFalse();
		assertThat(this.flagstaff.scope(scope.id())).isNull();
		assertThat(this.flagstaff.currentScope()).isNull();
		assertThat(scope.isOpen()).isFalse();
		assertThatIllegalStateException().isThrownBy(scope::enter).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(() -> scope.force("search", true));
		entered.close();
		scope.close();
	}

	@Test
	void leavingRestoresTheScopeEnteredBeforeAndOnlyOnTheEnteringThread() throws Exception {
		try (OverrideScope outer = this.flagstaff.openScope(); OverrideScope inner = this.flagstaff.openScope()) {
			outer.force("checkout", true);
			inner.force("checkout", false);
			try (OverrideScope.Entered first = outer.enter()) {
				OverrideScope.Entered second = inner.enter();
				assertThat(this.flagstaff.isEnabled("checkout", USER)).isFalse();
				CompletableFuture.runAsync(second::close, this.other).get();
				assertThat(this.flagstaff.currentScope()).as("closed on another thread: ignored").isSameAs(inner);
				second.close();
				assertThat(this.flagstaff.isEnabled("checkout", USER)).isTrue();
			}
			assertThat(inner.id()).isNotEqualTo(outer.id());
		}
	}

	@Test
	void badStatesFailWithTheKnownNamesAndChangeNothing() {
		try (OverrideScope scope = this.flagstaff.openScope()) {
			assertThatExceptionOfType(FeatureNotFoundException.class).isThrownBy(() -> scope.force("chekout", true))
				.withMessageContaining("checkout");
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> scope.forceVariant("layout", "table"))
				.withMessageContaining("[list, grid]");
			assertThat(scope.current()).isEmpty();
		}
	}

	@Test
	void withoutOpenScopesTheSnapshotIsTheSharedOne() {
		FeatureSnapshot shared = this.flagstaff.snapshot();
		try (OverrideScope scope = this.flagstaff.openScope()) {
			assertThat(this.flagstaff.snapshot()).as("not entered").isSameAs(shared);
			try (OverrideScope.Entered entered = scope.enter()) {
				assertThat(this.flagstaff.snapshot()).as("entered, nothing forced").isSameAs(shared);
			}
		}
		assertThat(this.flagstaff.snapshot()).isSameAs(shared);
		assertThat(this.flagstaff.currentScope()).isNull();
		assertThat(this.flagstaff.scope("unknown")).isNull();
	}

	private boolean onOtherThread(String key) throws Exception {
		return this.other.submit(() -> this.flagstaff.isEnabled(key, USER)).get(30, TimeUnit.SECONDS);
	}

}
