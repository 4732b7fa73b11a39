package io.flagstaff.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureOverrides;
import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import org.jspecify.annotations.Nullable;

/**
 * The states one test forces on one {@code Flagstaff} while it holds that evaluator's
 * lease. Scoped (the default): the states live in an override scope of the test's own,
 * entered on the test's thread and closed after the test, so nothing needs restoring.
 * Global: the states go into the evaluator's global overrides; the session remembers, per
 * flag it touches, the override that was there before, and puts exactly that back on
 * {@link #close()}: flags the test never touched, and the store, are left alone.
 * Thread-safe (a test may use its handle from other threads).
 */
final class OverrideSession implements AutoCloseable {

	private final Flagstaff flagstaff;

	private final FeatureOverrides layer;

	private final @Nullable OverrideScope scope;

	private final OverrideScope.@Nullable Entered entered;

	private final AutoCloseable lease;

	private final Map<String, ForcedState> baseline;

	private final Map<String, @Nullable String> before = new LinkedHashMap<>();

	private final Map<String, ForcedState> forced = new LinkedHashMap<>();

	private boolean closed;

	/**
	 * Opens a session and forces the declared states.
	 * @param flagstaff the evaluator
	 * @param scope the test's override scope, entered on this thread; {@code null} to
	 * force globally
	 * @param lease the evaluator's lease, released on close
	 * @param declared the states the annotations force, kept for {@link #reset(String)}
	 * @return the session
	 * @throws RuntimeException when a state is invalid; the session is then closed
	 */
	static OverrideSession open(Flagstaff flagstaff, @Nullable OverrideScope scope, AutoCloseable lease,
			Map<String, ForcedState> declared) {
		OverrideSession session = new OverrideSession(flagstaff, scope, lease, declared);
		try {
			declared.forEach(session::force);
			return session;
		}
		catch (RuntimeException ex) {
			try {
				session.close();
			}
			catch (RuntimeException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	private OverrideSession(Flagstaff flagstaff, @Nullable OverrideScope scope, AutoCloseable lease,
			Map<String, ForcedState> baseline) {
		this.flagstaff = flagstaff;
		this.scope = scope;
		this.layer = (scope != null) ? scope : flagstaff.overrides();
		this.entered = (scope != null) ? scope.enter() : null;
		this.lease = lease;
		this.baseline = Map.copyOf(baseline);
	}

	Flagstaff flagstaff() {
		return this.flagstaff;
	}

	/**
	 * Returns the test's override scope.
	 * @return the scope, or {@code null} when the states are global
	 */
	@Nullable OverrideScope scope() {
		return this.scope;
	}

	/**
	 * Forces one flag, after checking it.
	 * @param key the flag key
	 * @param state the state
	 */
	synchronized void force(String key, ForcedState state) {
		assertOpen(state.place());
		FlagChecks.check(this.flagstaff.snapshot(), key, state);
		if (!this.before.containsKey(key)) {
			this.before.put(key, this.layer.current().get(key));
		}
		state.applyTo(this.layer, key);
		this.forced.put(key, state);
	}

	/**
	 * Puts a flag back to what the annotations force, or to what it was before the test.
	 * @param key the flag key
	 * @param place where the reset was asked for
	 */
	synchronized void reset(String key, String place) {
		assertOpen(place);
		ForcedState declared = this.baseline.get(key);
		if (declared != null) {
			force(key, declared);
			return;
		}
		FlagChecks.definition(this.flagstaff.snapshot(), key, place);
		if (this.before.containsKey(key)) {
			restore(key, this.before.get(key));
		}
		this.forced.remove(key);
	}

	synchronized FeatureStates states() {
		Map<String, String> states = new LinkedHashMap<>();
		this.forced.forEach((key, state) -> states.put(key, state.state()));
		return new FeatureStates(states);
	}

	/**
	 * Closes the scope (or restores every global override the test touched), then
	 * releases the evaluator's lease. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<RuntimeException> failures = new ArrayList<>();
		if (this.scope != null) {
			if (this.entered != null) {
				this.entered.close();
			}
			this.scope.close();
		}
		else {
			restoreAll(failures);
		}
		try {
			this.lease.close();
		}
		catch (Exception ex) {
			failures.add(new IllegalStateException("Could not release the lock of the Flagstaff under test", ex));
		}
		if (!failures.isEmpty()) {
			IllegalStateException failure = new IllegalStateException(
					"Could not restore the overrides of the Flagstaff under test after the test");
			failures.forEach(failure::addSuppressed);
			throw failure;
		}
	}

	private void restoreAll(List<RuntimeException> failures) {
		List<String> keys = new ArrayList<>(this.before.keySet());
		for (int i = keys.size() - 1; i >= 0; i--) {
			String key = keys.get(i);
			try {
				restore(key, this.before.get(key));
			}
			catch (FeatureNotFoundException ex) {
				// the flag left the store during the test: nothing to restore
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
	}

	private void restore(String key, @Nullable String previous) {
		if (previous == null) {
			this.layer.clear(key);
		}
		else {
			ForcedState.fromOverride(previous, "restore").applyTo(this.layer, key);
		}
	}

	private void assertOpen(String place) {
		if (this.closed) {
			throw new IllegalStateException(
					place + " ran after the test ended: FeatureFlags only works while its test runs");
		}
	}

}
