package io.flagstaff.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureOverrides;
import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;

/**
 * The overrides one test places on one {@code Flagstaff} while it holds that evaluator's
 * lock. Remembers, per flag it touches, the override that was there before, and puts
 * exactly that back on {@link #close()}: flags the test never touched, and the store, are
 * left alone. Thread-safe (a test may use its handle from other threads).
 */
final class OverrideSession implements AutoCloseable {

	private final Flagstaff flagstaff;

	private final AutoCloseable lease;

	private final Map<String, ForcedState> baseline;

	private final Map<String, @Nullable String> before = new LinkedHashMap<>();

	private final Map<String, ForcedState> forced = new LinkedHashMap<>();

	private boolean closed;

	/**
	 * Opens a session and forces the declared states.
	 * @param flagstaff the evaluator
	 * @param lease the evaluator's lock, released on close
	 * @param declared the states the annotations force, kept for {@link #reset(String)}
	 * @return the session
	 * @throws RuntimeException when a state is invalid; the session is then closed
	 */
	static OverrideSession open(Flagstaff flagstaff, AutoCloseable lease, Map<String, ForcedState> declared) {
		OverrideSession session = new OverrideSession(flagstaff, lease, declared);
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

	private OverrideSession(Flagstaff flagstaff, AutoCloseable lease, Map<String, ForcedState> baseline) {
		this.flagstaff = flagstaff;
		this.lease = lease;
		this.baseline = Map.copyOf(baseline);
	}

	Flagstaff flagstaff() {
		return this.flagstaff;
	}

	/**
	 * Forces one flag, after checking it.
	 * @param key the flag key
	 * @param state the state
	 */
	synchronized void force(String key, ForcedState state) {
		assertOpen(state.place());
		FlagChecks.check(this.flagstaff.snapshot(), key, state);
		FeatureOverrides overrides = this.flagstaff.overrides();
		if (!this.before.containsKey(key)) {
			this.before.put(key, overrides.current().get(key));
		}
		state.applyTo(overrides, key);
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
	 * Restores every flag the test touched, then releases the evaluator's lock.
	 * Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<RuntimeException> failures = new ArrayList<>();
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

	private void restore(String key, @Nullable String previous) {
		FeatureOverrides overrides = this.flagstaff.overrides();
		if (previous == null) {
			overrides.clear(key);
		}
		else {
			ForcedState.fromOverride(previous, "restore").applyTo(overrides, key);
		}
	}

	private void assertOpen(String place) {
		if (this.closed) {
			throw new IllegalStateException(
					place + " ran after the test ended: FeatureFlags only works while its test runs");
		}
	}

}
