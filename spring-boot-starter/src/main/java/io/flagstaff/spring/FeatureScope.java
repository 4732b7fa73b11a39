package io.flagstaff.spring;

import java.util.Objects;

import io.flagstaff.Evaluation;
import io.flagstaff.FeatureContext;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.OverrideScope;
import org.jspecify.annotations.Nullable;

/**
 * One pinned snapshot and the context of the work it serves (an HTTP request, an
 * {@code @Async} task, a reactive chain). Every flag evaluated through a scope sees the
 * same snapshot, so a flag flipped while a request runs never changes that request's
 * answers. Immutable and thread-safe.
 *
 * <p>
 * The web support opens one per request ({@link #open()} on servlet threads, the Reactor
 * context key {@link #CONTEXT_KEY} in WebFlux), the task decorator carries it to
 * {@code @Async} methods, and {@link FeatureToggle} and strategy proxies evaluate against
 * it. Outside any scope they evaluate against the current snapshot with the empty
 * context.
 *
 * <p>
 * A scope pinned while a test's {@link OverrideScope} is current on the thread (see
 * {@link Flagstaff#currentScope()}) carries it: opening the scope on another thread
 * enters that override scope there too, so code that calls the {@code Flagstaff} directly
 * from {@code @Async} work sees the test's forced states.
 */
public final class FeatureScope {

	/** The key of the scope in a Reactor context. */
	public static final Class<FeatureScope> CONTEXT_KEY = FeatureScope.class;

	private static final ThreadLocal<@Nullable FeatureScope> CURRENT = new ThreadLocal<>();

	private final FeatureSnapshot snapshot;

	private final FeatureContext context;

	private final @Nullable OverrideScope overrides;

	private FeatureScope(FeatureSnapshot snapshot, FeatureContext context, @Nullable OverrideScope overrides) {
		this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
		this.context = Objects.requireNonNull(context, "context");
		this.overrides = overrides;
	}

	/**
	 * Creates a scope.
	 * @param snapshot the pinned snapshot
	 * @param context the context to evaluate for
	 * @return the scope
	 */
	public static FeatureScope of(FeatureSnapshot snapshot, FeatureContext context) {
		return new FeatureScope(snapshot, context, null);
	}

	/**
	 * Pins the current snapshot of a {@link Flagstaff} for a context, with the override
	 * scope current on this thread, if any.
	 * @param flagstaff the flagstaff
	 * @param context the context
	 * @return the scope
	 */
	public static FeatureScope pin(Flagstaff flagstaff, FeatureContext context) {
		return new FeatureScope(flagstaff.snapshot(), context, flagstaff.currentScope());
	}

	/**
	 * Returns the scope open on this thread.
	 * @return the scope, or {@code null} when none is open
	 */
	public static @Nullable FeatureScope current() {
		return CURRENT.get();
	}

	/**
	 * Returns the scope open on this thread, or a fresh one over the current snapshot and
	 * the empty context.
	 * @param flagstaff where to take a snapshot when no scope is open
	 * @return the scope
	 */
	public static FeatureScope currentOrPin(Flagstaff flagstaff) {
		FeatureScope current = CURRENT.get();
		return (current != null) ? current : pin(flagstaff, FeatureContext.empty());
	}

	/**
	 * Makes this scope the current one on this thread until the returned handle is
	 * closed, which restores the previous one.
	 * @return the handle to close, in a try-with-resources block
	 */
	public Opened open() {
		FeatureScope previous = CURRENT.get();
		OverrideScope.Entered entered = enterOverrides();
		CURRENT.set(this);
		return new Opened(previous, entered);
	}

	private OverrideScope.@Nullable Entered enterOverrides() {
		try {
			return (this.overrides != null) ? this.overrides.enter() : null;
		}
		catch (IllegalStateException ex) {
			// the test that opened the override scope has ended: its states are gone
			return null;
		}
	}

	/**
	 * Returns the pinned snapshot.
	 * @return the snapshot
	 */
	public FeatureSnapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * Returns the context.
	 * @return the context
	 */
	public FeatureContext context() {
		return this.context;
	}

	/**
	 * Returns whether a flag is on in this scope.
	 * @param key the flag key
	 * @return whether it is on; {@code false} for an unknown flag
	 */
	public boolean isEnabled(String key) {
		return this.snapshot.isEnabled(key, this.context);
	}

	/**
	 * Returns the variant a flag serves in this scope.
	 * @param key the flag key
	 * @return the variant, or {@code null} when the flag is off, unknown or has no
	 * variants
	 */
	public @Nullable String variant(String key) {
		return this.snapshot.variant(key, this.context);
	}

	/**
	 * Evaluates a flag in detail in this scope.
	 * @param key the flag key
	 * @return the evaluation
	 */
	public Evaluation evaluate(String key) {
		return this.snapshot.evaluate(key, this.context);
	}

	@Override
	public String toString() {
		return "FeatureScope[version=" + this.snapshot.version() + ", context=" + this.context + "]";
	}

	/**
	 * The handle of an {@link #open() opened} scope.
	 */
	public static final class Opened implements AutoCloseable {

		private final @Nullable FeatureScope previous;

		private final OverrideScope.@Nullable Entered entered;

		private Opened(@Nullable FeatureScope previous, OverrideScope.@Nullable Entered entered) {
			this.previous = previous;
			this.entered = entered;
		}

		/**
		 * Restores the scope that was current before.
		 */
		@Override
		public void close() {
			if (this.entered != null) {
				this.entered.close();
			}
			if (this.previous != null) {
				CURRENT.set(this.previous);
			}
			else {
				CURRENT.remove();
			}
		}

	}

}
