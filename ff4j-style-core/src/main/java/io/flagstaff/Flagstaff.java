package io.flagstaff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flagstaff.internal.DefaultFlagstaff;
import io.flagstaff.store.FeatureStore;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: evaluates flags from an immutable snapshot of a {@link FeatureStore}'s
 * content, recompiled and swapped atomically whenever the store changes. Thread-safe;
 * evaluation takes no lock, performs no I/O and logs nothing.
 *
 * <pre class="code">
 * Flagstaff flagstaff = Flagstaff.builder(FileFeatureStore.of(Path.of("features.yml"))).environment("production").build();
 * if (flagstaff.isEnabled("new-checkout", FeatureContext.ofUser("u-42"))) { ... }
 * </pre>
 */
public interface Flagstaff extends FeatureEvaluator, AutoCloseable {

	/**
	 * Returns the current snapshot, to pin one consistent view of all flags.
	 * @return the snapshot
	 */
	FeatureSnapshot snapshot();

	/**
	 * Returns the store this instance reads.
	 * @return the store
	 */
	FeatureStore store();

	/**
	 * Reloads the store now and swaps the snapshot if the content is valid.
	 * @throws io.flagstaff.config.FeatureConfigException when the content is invalid (the
	 * previous snapshot keeps serving)
	 */
	void refresh();

	/**
	 * Returns whether the store went backwards (lost its data, was restored from an old
	 * backup) and its content is refused while the last good snapshot keeps serving.
	 * @return the divergence, or {@code null} when the snapshot follows the store
	 */
	default FlagstaffEvent.@Nullable StoreDiverged divergence() {
		return null;
	}

	/**
	 * Accepts what the store holds now, whatever its revision and even when it holds no
	 * flags: the operator's answer to a {@link FlagstaffEvent.StoreDiverged divergence}
	 * that is meant (the flags were really deleted, the old backup is the truth). Swaps
	 * the snapshot like {@link #refresh()} and ends the divergence.
	 * @throws io.flagstaff.config.FeatureConfigException when the content is invalid (the
	 * previous snapshot keeps serving)
	 * @throws io.flagstaff.store.FeatureStoreException when the store cannot be read
	 */
	default void acceptStoreContent() {
		refresh();
	}

	/**
	 * Returns the overrides that force flags above the store.
	 * @return the overrides
	 */
	FeatureOverrides overrides();

	/**
	 * Opens an {@link OverrideScope}: an override layer visible only to evaluations
	 * inside it, so that tests running at the same time can force opposite states of one
	 * flag on one shared {@code Flagstaff}. Evaluations outside every scope are not
	 * affected and cost what they cost without scopes.
	 * @return the new, empty scope; close it when done
	 * @throws UnsupportedOperationException when this implementation has no scopes (the
	 * default)
	 */
	default OverrideScope openScope() {
		throw new UnsupportedOperationException(getClass().getName()
				+ " has no override scopes: force flags through overrides() instead, one test at a time");
	}

	/**
	 * Finds an open scope by its {@link OverrideScope#id() identifier}.
	 * @param id the identifier
	 * @return the scope, or {@code null} when no open scope has it (always {@code null}
	 * for an implementation without scopes)
	 */
	default @Nullable OverrideScope scope(String id) {
		return null;
	}

	/**
	 * Returns the scope the calling thread {@link OverrideScope#enter() entered}.
	 * @return the open scope current on this thread, or {@code null} when there is none
	 */
	default @Nullable OverrideScope currentScope() {
		return null;
	}

	/**
	 * Returns how often each unknown flag key was evaluated.
	 * @return an unmodifiable copy by key
	 */
	Map<String, Long> unknownFlagCounts();

	/**
	 * Returns how often each flag was evaluated (on, off, per variant) and when first and
	 * last, since this instance started. Counting is on unless turned off with
	 * {@link Builder#usageStatistics(boolean)}; it costs a per-thread counter increment
	 * (no atomic instruction) per evaluation.
	 * @return an immutable copy of the counts; no flags when usage statistics are off
	 */
	UsageSnapshot usage();

	/**
	 * Adds a listener.
	 * @param listener the listener
	 * @return a handle that removes it
	 */
	AutoCloseable addListener(FlagstaffListener listener);

	/**
	 * Stops following the store and closes it.
	 */
	@Override
	void close();

	/**
	 * Starts building a {@code Flagstaff} over a store.
	 * @param store the store
	 * @return a builder
	 */
	static Builder builder(FeatureStore store) {
		return new Builder(store);
	}

	/**
	 * Builds a {@link Flagstaff}. Not thread-safe.
	 */
	final class Builder {

		private final FeatureStore store;

		private @Nullable String environment;

		private Clock clock = Clock.systemUTC();

		private boolean strict;

		private final List<FlagstaffListener> listeners = new ArrayList<>();

		private @Nullable ExposureListener exposureListener;

		private boolean usageStatistics = true;

		private Builder(FeatureStore store) {
			this.store = Objects.requireNonNull(store, "store");
		}

		/**
		 * Sets the environment used when a context names none.
		 * @param environment the environment, for example {@code production}
		 * @return this builder
		 */
		public Builder environment(@Nullable String environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * Sets the clock for schedules and date conditions.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets strict mode: an unknown flag key throws {@link FeatureNotFoundException}
		 * instead of returning the caller's default. Meant for tests.
		 * @param strict whether to be strict
		 * @return this builder
		 */
		public Builder strict(boolean strict) {
			this.strict = strict;
			return this;
		}

		/**
		 * Adds a listener that also receives the events of the initial load.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(FlagstaffListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Sets the listener told about each evaluation of a flag marked
		 * {@code track: true}.
		 * @param exposureListener the listener (it must not block), or {@code null} for
		 * none
		 * @return this builder
		 */
		public Builder exposureListener(@Nullable ExposureListener exposureListener) {
			this.exposureListener = exposureListener;
			return this;
		}

		/**
		 * Sets whether to count evaluations per flag (on, off, per variant, first and
		 * last evaluation), as {@link Flagstaff#usage()} reports them and flag hygiene
		 * uses them to find flags nobody evaluates. On by default; turn it off only when
		 * the few nanoseconds per evaluation matter more than knowing which flags are
		 * used.
		 * @param usageStatistics whether to count (default {@code true})
		 * @return this builder
		 */
		public Builder usageStatistics(boolean usageStatistics) {
			this.usageStatistics = usageStatistics;
			return this;
		}

		/**
		 * Loads the store, compiles the first snapshot and subscribes to changes.
		 * @return the instance
		 * @throws io.flagstaff.config.FeatureConfigException when the store's content is
		 * invalid
		 */
		public Flagstaff build() {
			return new DefaultFlagstaff(this.store, this.environment, this.clock, this.strict, this.listeners,
					this.exposureListener, this.usageStatistics);
		}

	}

}
