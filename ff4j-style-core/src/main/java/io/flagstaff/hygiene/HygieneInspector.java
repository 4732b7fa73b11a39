package io.flagstaff.hygiene;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.flagstaff.Flagstaff;
import io.flagstaff.UsageSnapshot;
import io.flagstaff.internal.DidYouMean;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureSet;
import io.flagstaff.model.Prerequisite;
import io.flagstaff.model.Rule;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.WritableFeatureStore;
import org.jspecify.annotations.Nullable;

/**
 * Inspects a set of flags for debt and makes a {@link HygieneReport}. The rules:
 * <ul>
 * <li>{@code EXPIRED}: today (UTC, from the clock) is after the flag's {@code expires}
 * date;</li>
 * <li>{@code NOT_EVALUATED}: with a {@link Builder#lastEvaluated last-evaluated source},
 * the flag was last evaluated at least {@code notEvaluatedFor} ago, or was never
 * evaluated and the source has been tracking for at least that long;</li>
 * <li>{@code CONSTANT}: the flag serves everyone the same and, with a
 * {@link Builder#lastChanged last-changed source}, was last changed at least
 * {@code unchangedFor} ago. Off for everyone: {@code enabled: false}, killed, or
 * {@code rollout:
 * 0} with no allow list and no rule serving anything but off. On for everyone: enabled,
 * not killed, no environments, schedule, prerequisites, deny list or rules, a rollout of
 * 100 (or none) and at most one variant with a positive weight. A flag whose last change
 * is unknown is not reported;</li>
 * <li>{@code NO_OWNER}: no {@code owner}, or a blank one;</li>
 * <li>{@code MISSING_PREREQUISITE}: a {@code requires} entry names a flag not in the
 * set;</li>
 * <li>{@code NOT_DEFINED}: with a {@link Builder#references references source}, the code
 * names a key no flag of the set has (the message names where, and the closest
 * keys);</li>
 * <li>{@code UNREFERENCED}: with a references source and a last-evaluated source, no code
 * names the flag, no flag of the set requires it, and it was never evaluated.</li>
 * </ul>
 * Thread-safe.
 */
public final class HygieneInspector {

	/** The default for {@code notEvaluatedFor} and {@code unchangedFor}. */
	public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	private final Clock clock;

	private final Duration notEvaluatedFor;

	private final Duration unchangedFor;

	private final @Nullable FlagTimes lastEvaluated;

	private final @Nullable Instant trackingSince;

	private final @Nullable FlagTimes lastChanged;

	private final @Nullable FlagReferences references;

	private HygieneInspector(Builder builder) {
		this.clock = builder.clock;
		this.notEvaluatedFor = builder.notEvaluatedFor;
		this.unchangedFor = builder.unchangedFor;
		this.lastEvaluated = builder.lastEvaluated;
		this.trackingSince = builder.trackingSince;
		this.lastChanged = builder.lastChanged;
		this.references = builder.references;
	}

	/**
	 * Starts building an inspector.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Inspects the flags a {@link Flagstaff} serves now, with its usage counts as the
	 * last-evaluated source (tracking since {@code startedAt}) and, when its store is a
	 * {@link WritableFeatureStore}, the newest audit entry of each flag as its last
	 * change. Those two sources set on the builder are replaced; the references source is
	 * kept.
	 * @param flagstaff the evaluator
	 * @param startedAt since when its usage has been counted (usually when it was built)
	 * @return the report
	 */
	public HygieneReport inspect(Flagstaff flagstaff, Instant startedAt) {
		UsageSnapshot usage = flagstaff.usage();
		FlagTimes lastEvaluated = (feature) -> {
			UsageSnapshot.FeatureUsage featureUsage = usage.feature(feature);
			return (featureUsage != null) ? featureUsage.lastEvaluated() : null;
		};
		FlagTimes lastChanged = null;
		if (flagstaff.store() instanceof WritableFeatureStore writable) {
			lastChanged = (feature) -> {
				List<AuditEntry> entries = writable.audit(feature, 1);
				return entries.isEmpty() ? null : entries.get(0).time();
			};
		}
		return inspect(flagstaff.snapshot().featureSet(), lastEvaluated, startedAt, lastChanged);
	}

	/**
	 * Inspects a set of flags.
	 * @param features the flags
	 * @return the report
	 */
	public HygieneReport inspect(FeatureSet features) {
		return inspect(features, this.lastEvaluated, this.trackingSince, this.lastChanged);
	}

	private HygieneReport inspect(FeatureSet features, @Nullable FlagTimes lastEvaluated,
			@Nullable Instant trackingSince, @Nullable FlagTimes lastChanged) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<HygieneFinding> findings = new ArrayList<>();
		for (FeatureDefinition feature : features.features().values()) {
			String key = feature.key();
			LocalDate expires = feature.expires();
			if (expires != null && today.isAfter(expires)) {
				findings.add(new HygieneFinding(key, HygieneFinding.Kind.EXPIRED,
						"expired on " + expires + " (" + (today.toEpochDay() - expires.toEpochDay())
								+ " days ago): remove the flag and the code paths "
								+ "it guards, or move 'expires' to a later date"));
			}
			notEvaluated(key, now, lastEvaluated, trackingSince, findings);
			constant(feature, now, lastChanged, findings);
			if (feature.owner() == null || feature.owner().isBlank()) {
				findings.add(new HygieneFinding(key, HygieneFinding.Kind.NO_OWNER,
						"has no owner: set 'owner' to the team that will remove it"));
			}
			for (Prerequisite prerequisite : feature.requires()) {
				if (!features.features().containsKey(prerequisite.feature())) {
					findings.add(new HygieneFinding(key, HygieneFinding.Kind.MISSING_PREREQUISITE,
							"requires '" + prerequisite.feature() + "', which does not exist: remove the "
									+ "prerequisite or add the flag"));
				}
			}
		}
		references(features, lastEvaluated, findings);
		return new HygieneReport(now, features.features().size(), findings);
	}

	private void references(FeatureSet features, @Nullable FlagTimes lastEvaluated, List<HygieneFinding> findings) {
		Map<String, List<String>> named = (this.references != null) ? this.references.byKey() : null;
		if (named == null) {
			return;
		}
		named.forEach((key, places) -> {
			if (!features.features().containsKey(key)) {
				List<String> closest = DidYouMean.closest(key, features.features().keySet());
				findings.add(new HygieneFinding(key, HygieneFinding.Kind.NOT_DEFINED,
						"named by " + places + " but not defined, so every check of it answers off"
								+ (closest.isEmpty() ? "" : " (did you mean " + closest + "?)")
								+ ": fix the key in the code or add the flag"));
			}
		});
		if (lastEvaluated == null) {
			return;
		}
		Set<String> required = new HashSet<>();
		features.features().values().forEach((feature) -> feature.requires().forEach((p) -> required.add(p.feature())));
		for (String key : features.features().keySet()) {
			if (!named.containsKey(key) && !required.contains(key) && lastEvaluated.at(key) == null) {
				findings.add(new HygieneFinding(key, HygieneFinding.Kind.UNREFERENCED, "named by no annotation or "
						+ "strategy of the application, required by no flag and never evaluated: remove it if no "
						+ "code reads it"));
			}
		}
	}

	private void notEvaluated(String key, Instant now, @Nullable FlagTimes lastEvaluated,
			@Nullable Instant trackingSince, List<HygieneFinding> findings) {
		if (lastEvaluated == null) {
			return;
		}
		Instant last = lastEvaluated.at(key);
		if (last != null && !last.plus(this.notEvaluatedFor).isAfter(now)) {
			findings.add(new HygieneFinding(key, HygieneFinding.Kind.NOT_EVALUATED, "not evaluated since " + last + " ("
					+ Duration.between(last, now).toDays() + " days): remove it if no code reads it"));
		}
		else if (last == null && trackingSince != null && !trackingSince.plus(this.notEvaluatedFor).isAfter(now)) {
			findings.add(new HygieneFinding(key, HygieneFinding.Kind.NOT_EVALUATED,
					"never evaluated since " + trackingSince + ": remove it if no code reads it"));
		}
	}

	private void constant(FeatureDefinition feature, Instant now, @Nullable FlagTimes lastChanged,
			List<HygieneFinding> findings) {
		String served = servedToEveryone(feature);
		if (served == null || lastChanged == null) {
			return;
		}
		Instant changed = lastChanged.at(feature.key());
		if (changed != null && !changed.plus(this.unchangedFor).isAfter(now)) {
			String advice = served.equals("on") ? "remove the flag and keep the code it enables"
					: "remove the flag and the code it guards";
			findings.add(new HygieneFinding(feature.key(), HygieneFinding.Kind.CONSTANT,
					"served " + served + " to everyone, unchanged since " + changed + " ("
							+ Duration.between(changed, now).toDays() + " days): " + advice));
		}
	}

	/**
	 * Returns what a flag serves to everyone, when it serves everyone the same.
	 * @param feature the flag
	 * @return {@code "on"}, {@code "off"}, or {@code null} when it depends on who asks
	 */
	static @Nullable String servedToEveryone(FeatureDefinition feature) {
		if (!feature.enabled() || feature.killed() != null) {
			return "off";
		}
		Double rollout = feature.rollout();
		if (rollout != null && rollout == 0 && feature.allow().isEmpty()
				&& feature.rules().stream().allMatch((rule) -> rule.serve() == Rule.Serve.OFF)) {
			return "off";
		}
		boolean unconditional = feature.environments().isEmpty() && feature.schedule() == null
				&& feature.requires().isEmpty() && feature.deny().isEmpty() && feature.rules().isEmpty()
				&& (rollout == null || rollout == 100);
		long servedVariants = feature.variants().stream().filter((variant) -> variant.weight() > 0).count();
		return (unconditional && servedVariants <= 1) ? "on" : null;
	}

	/**
	 * A time known per flag, such as when it was last evaluated or last changed.
	 */
	@FunctionalInterface
	public interface FlagTimes {

		/**
		 * Returns the time for a flag.
		 * @param feature the flag key
		 * @return the time, or {@code null} when unknown
		 */
		@Nullable Instant at(String feature);

	}

	/**
	 * The flag keys an application's code names.
	 */
	@FunctionalInterface
	public interface FlagReferences {

		/**
		 * Returns the keys named, each with where, for example
		 * {@code bean 'checkout' method CheckoutService.pay}.
		 * @return the places by key, or {@code null} while unknown
		 */
		@Nullable Map<String, List<String>> byKey();

	}

	/**
	 * Builds a {@link HygieneInspector}. Not thread-safe.
	 */
	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private Duration notEvaluatedFor = DEFAULT_PERIOD;

		private Duration unchangedFor = DEFAULT_PERIOD;

		private @Nullable FlagTimes lastEvaluated;

		private @Nullable Instant trackingSince;

		private @Nullable FlagTimes lastChanged;

		private @Nullable FlagReferences references;

		private Builder() {
		}

		/**
		 * Sets where the flag keys the application's code names come from (the Spring
		 * Boot starter collects them from annotations and strategies at startup), for the
		 * {@code NOT_DEFINED} and {@code UNREFERENCED} findings. Asked once per report.
		 * @param references the keys named, each with where
		 * @return this builder
		 */
		public Builder references(FlagReferences references) {
			this.references = Objects.requireNonNull(references, "references");
			return this;
		}

		/**
		 * Sets the clock that says what today is.
		 * @param clock the clock (default: UTC system clock)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets how long a flag may go without evaluation before it is reported.
		 * @param period the period (default 30 days)
		 * @return this builder
		 * @throws IllegalArgumentException when not positive
		 */
		public Builder notEvaluatedFor(Duration period) {
			this.notEvaluatedFor = positive("notEvaluatedFor", period);
			return this;
		}

		/**
		 * Sets how long a flag that serves everyone the same may stay unchanged before it
		 * is reported.
		 * @param period the period (default 30 days)
		 * @return this builder
		 * @throws IllegalArgumentException when not positive
		 */
		public Builder unchangedFor(Duration period) {
			this.unchangedFor = positive("unchangedFor", period);
			return this;
		}

		/**
		 * Sets where last-evaluation times come from, for example
		 * {@code Flagstaff.usage()}.
		 * @param lastEvaluated the last evaluation per flag, {@code null} when never
		 * evaluated
		 * @param trackingSince since when the source has been counting: a flag never
		 * evaluated is reported once this is {@code notEvaluatedFor} ago
		 * @return this builder
		 */
		public Builder lastEvaluated(FlagTimes lastEvaluated, Instant trackingSince) {
			this.lastEvaluated = Objects.requireNonNull(lastEvaluated, "lastEvaluated");
			this.trackingSince = Objects.requireNonNull(trackingSince, "trackingSince");
			return this;
		}

		/**
		 * Sets where last-change times come from, for example the store's audit trail.
		 * @param lastChanged the last change per flag, {@code null} when unknown
		 * @return this builder
		 */
		public Builder lastChanged(FlagTimes lastChanged) {
			this.lastChanged = Objects.requireNonNull(lastChanged, "lastChanged");
			return this;
		}

		/**
		 * Builds the inspector.
		 * @return the inspector
		 */
		public HygieneInspector build() {
			return new HygieneInspector(this);
		}

		private static Duration positive(String name, Duration period) {
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, but was " + period);
			}
			return period;
		}

	}

}
