package io.flagstaff.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The flag state of one running test: what its annotations (and its matrix combination)
 * force, and the {@link OverrideSession} once the target is known. Kept in the test's
 * {@link ExtensionContext.Store}; as an {@link AutoCloseable} store value it is also
 * closed by JUnit when the test's context closes, so the overrides go and the lock is
 * released however the test ends. Thread-safe.
 */
final class TestScope implements AutoCloseable {

	private static final String KEY = TestScope.class.getName();

	private final ExtensionContext context;

	private final Map<String, ForcedState> declared;

	private @Nullable OverrideSession session;

	private boolean closed;

	private TestScope(ExtensionContext context, Map<String, ForcedState> declared) {
		this.context = context;
		this.declared = declared;
	}

	/**
	 * Returns the scope of a test, creating it from the annotations on first use.
	 * @param context the test's extension context
	 * @return the scope
	 */
	static TestScope of(ExtensionContext context) {
		return context.getStore(FlagstaffExtension.NAMESPACE)
			.computeIfAbsent(KEY, (key) -> new TestScope(context, declaredStates(context)), TestScope.class);
	}

	private static Map<String, ForcedState> declaredStates(ExtensionContext context) {
		Map<String, ForcedState> states = new LinkedHashMap<>(DeclaredStates.of(context));
		MatrixInvocation.combination(context).ifPresent(states::putAll);
		return states;
	}

	/**
	 * Returns what the annotations and the matrix force.
	 * @return the states
	 */
	FeatureStates declaredStates() {
		Map<String, String> states = new LinkedHashMap<>();
		this.declared.forEach((key, state) -> states.put(key, state.state()));
		return new FeatureStates(states);
	}

	/**
	 * Opens the session when the target can be found.
	 * @param required whether a missing target is an error
	 * @return the session, or empty when there is no target yet and none is required
	 * @throws InterruptedException when interrupted while waiting for the evaluator's
	 * lock (exclusive for global states, shared otherwise)
	 */
	synchronized Optional<OverrideSession> open(boolean required) throws InterruptedException {
		if (this.session != null) {
			return Optional.of(this.session);
		}
		if (this.closed) {
			throw new IllegalStateException("The test " + this.context.getDisplayName()
					+ " has ended: use its FeatureFlags only while it runs");
		}
		Optional<Flagstaff> target = Targets.find(this.context);
		if (target.isEmpty()) {
			if (required) {
				throw noTarget();
			}
			return Optional.empty();
		}
		Flagstaff flagstaff = target.get();
		OverrideScope scope = OverrideMode.global(this.context) ? null : openScope(flagstaff);
		EvaluatorLocks.Lease lease;
		try {
			lease = EvaluatorLocks.TABLE.acquire(flagstaff, scope == null);
		}
		catch (InterruptedException | RuntimeException ex) {
			if (scope != null) {
				scope.close();
			}
			throw ex;
		}
		this.session = OverrideSession.open(flagstaff, scope, lease, this.declared);
		return Optional.of(this.session);
	}

	/**
	 * Opens the test's override scope.
	 * @return the scope, or {@code null} when the {@code Flagstaff} has no scopes (its
	 * states are then global)
	 */
	private static @Nullable OverrideScope openScope(Flagstaff flagstaff) {
		try {
			return flagstaff.openScope();
		}
		catch (UnsupportedOperationException ex) {
			return null;
		}
	}

	/**
	 * Returns whether anything is declared, so that a missing target is an error.
	 * @return whether the annotations force any flag
	 */
	boolean declaresStates() {
		return !this.declared.isEmpty();
	}

	/**
	 * Returns the open session, opening it if needed.
	 * @return the session
	 * @throws ExtensionConfigurationException when there is no target
	 */
	OverrideSession session() {
		try {
			return open(true).orElseThrow(this::noTarget);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Flagstaff under test", ex);
		}
	}

	private ExtensionConfigurationException noTarget() {
		return new ExtensionConfigurationException("No Flagstaff to override for " + this.context.getDisplayName()
				+ " in " + this.context.getRequiredTestClass().getName()
				+ ": hold one in a (static or instance) field, annotated @FlagstaffUnderTest when there are several,"
				+ " run the test with Spring's TestContext and a Flagstaff bean, or name a FlagstaffProvider in"
				+ " the configuration parameter " + FlagstaffExtension.DEFAULT_PROVIDER_PROPERTY);
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		OverrideSession current = this.session;
		this.session = null;
		if (current != null) {
			current.close();
		}
	}

}
