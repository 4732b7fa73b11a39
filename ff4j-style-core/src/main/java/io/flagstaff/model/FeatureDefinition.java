package io.flagstaff.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One flag as a configuration document defines it. Immutable; build one with
 * {@link #builder(String)} and derive changed copies with {@link #toBuilder()}.
 *
 * @param key the flag key
 * @param description what the flag does, for people
 * @param owner the team or person responsible
 * @param type what the flag is for
 * @param expires the date after which the flag is reported as stale, or {@code null}
 * @param enabled the master switch: when {@code false} the flag is off for everyone
 * @param environments the environments the flag can be on in; empty means all
 * @param schedule the time window the flag can be on in, or {@code null} for always
 * @param requires prerequisite flags, all of which must hold
 * @param allow bucketing keys (user ids by default) always served on
 * @param deny bucketing keys always served off (checked before {@code allow})
 * @param rules ordered targeting rules; the first match decides
 * @param rollout the default rollout percentage (0..100, two decimals) when no rule
 * matches; {@code null} means 100
 * @param bucketing how users are bucketed for rollouts and variants
 * @param variants the variants with weights; empty for a plain on/off flag
 * @param health the automatic kill-switch policy, or {@code null}
 * @param track whether evaluations emit exposure events (for experiments)
 * @param metadata free key/value data carried along, never interpreted
 * @param killed set when the flag was switched off automatically: the flag is off with
 * reason {@code KILLED}; {@code null} otherwise
 */
public record FeatureDefinition(String key, @Nullable String description, @Nullable String owner, FeatureType type,
		@Nullable LocalDate expires, boolean enabled, List<String> environments, @Nullable Schedule schedule,
		List<Prerequisite> requires, List<String> allow, List<String> deny, List<Rule> rules, @Nullable Double rollout,
		Bucketing bucketing, List<VariantDefinition> variants, @Nullable HealthPolicy health, boolean track,
		Map<String, FeatureValue> metadata, @Nullable Kill killed) {

	public FeatureDefinition {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(type, "type");
		environments = List.copyOf(environments);
		requires = List.copyOf(requires);
		allow = List.copyOf(allow);
		deny = List.copyOf(deny);
		rules = List.copyOf(rules);
		Objects.requireNonNull(bucketing, "bucketing");
		variants = List.copyOf(variants);
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

	/**
	 * Starts a flag that is on for everyone, of type {@link FeatureType#RELEASE}.
	 * @param key the flag key
	 * @return a builder
	 */
	public static Builder builder(String key) {
		return new Builder(key);
	}

	/**
	 * Starts a builder holding this flag's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.key);
		builder.description = this.description;
		builder.owner = this.owner;
		builder.type = this.type;
		builder.expires = this.expires;
		builder.enabled = this.enabled;
		builder.environments = new ArrayList<>(this.environments);
		builder.schedule = this.schedule;
		builder.requires = new ArrayList<>(this.requires);
		builder.allow = new ArrayList<>(this.allow);
		builder.deny = new ArrayList<>(this.deny);
		builder.rules = new ArrayList<>(this.rules);
		builder.rollout = this.rollout;
		builder.bucketing = this.bucketing;
		builder.variants = new ArrayList<>(this.variants);
		builder.health = this.health;
		builder.track = this.track;
		builder.metadata = new LinkedHashMap<>(this.metadata);
		builder.killed = this.killed;
		return builder;
	}

	/**
	 * Builds a {@link FeatureDefinition}. Not thread-safe.
	 */
	public static final class Builder {

		private final String key;

		private @Nullable String description;

		private @Nullable String owner;

		private FeatureType type = FeatureType.RELEASE;

		private @Nullable LocalDate expires;

		private boolean enabled = true;

		private List<String> environments = new ArrayList<>();

		private @Nullable Schedule schedule;

		private List<Prerequisite> requires = new ArrayList<>();

		private List<String> allow = new ArrayList<>();

		private List<String> deny = new ArrayList<>();

		private List<Rule> rules = new ArrayList<>();

		private @Nullable Double rollout;

		private Bucketing bucketing = Bucketing.DEFAULT;

		private List<VariantDefinition> variants = new ArrayList<>();

		private @Nullable HealthPolicy health;

		private boolean track;

		private Map<String, FeatureValue> metadata = new LinkedHashMap<>();

		private @Nullable Kill killed;

		private Builder(String key) {
			this.key = Objects.requireNonNull(key, "key");
		}

		/**
		 * Sets the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Sets the owner.
		 * @param owner the owner
		 * @return this builder
		 */
		public Builder owner(@Nullable String owner) {
			this.owner = owner;
			return this;
		}

		/**
		 * Sets the type.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(FeatureType type) {
			this.type = Objects.requireNonNull(type, "type");
			return this;
		}

		/**
		 * Sets the expiry date.
		 * @param expires the date, or {@code null}
		 * @return this builder
		 */
		public Builder expires(@Nullable LocalDate expires) {
			this.expires = expires;
			return this;
		}

		/**
		 * Sets the master switch.
		 * @param enabled whether the flag can be on
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Sets the environments the flag can be on in.
		 * @param environments the environments; empty for all
		 * @return this builder
		 */
		public Builder environments(List<String> environments) {
			this.environments = new ArrayList<>(environments);
			return this;
		}

		/**
		 * Sets the schedule.
		 * @param schedule the schedule, or {@code null}
		 * @return this builder
		 */
		public Builder schedule(@Nullable Schedule schedule) {
			this.schedule = schedule;
			return this;
		}

		/**
		 * Sets the prerequisites.
		 * @param requires the prerequisites
		 * @return this builder
		 */
		public Builder requires(List<Prerequisite> requires) {
			this.requires = new ArrayList<>(requires);
			return this;
		}

		/**
		 * Sets the allow list.
		 * @param allow the bucketing keys always served on
		 * @return this builder
		 */
		public Builder allow(List<String> allow) {
			this.allow = new ArrayList<>(allow);
			return this;
		}

		/**
		 * Sets the deny list.
		 * @param deny the bucketing keys always served off
		 * @return this builder
		 */
		public Builder deny(List<String> deny) {
			this.deny = new ArrayList<>(deny);
			return this;
		}

		/**
		 * Sets the rules.
		 * @param rules the ordered rules
		 * @return this builder
		 */
		public Builder rules(List<Rule> rules) {
			this.rules = new ArrayList<>(rules);
			return this;
		}

		/**
		 * Adds a rule after the existing ones.
		 * @param rule the rule
		 * @return this builder
		 */
		public Builder rule(Rule rule) {
			this.rules.add(Objects.requireNonNull(rule, "rule"));
			return this;
		}

		/**
		 * Sets the default rollout percentage.
		 * @param rollout the percentage (0..100), or {@code null} for 100
		 * @return this builder
		 */
		public Builder rollout(@Nullable Double rollout) {
			this.rollout = rollout;
			return this;
		}

		/**
		 * Sets the bucketing.
		 * @param bucketing the bucketing
		 * @return this builder
		 */
		public Builder bucketing(Bucketing bucketing) {
			this.bucketing = Objects.requireNonNull(bucketing, "bucketing");
			return this;
		}

		/**
		 * Sets the variants.
		 * @param variants the variants with weights
		 * @return this builder
		 */
		public Builder variants(List<VariantDefinition> variants) {
			this.variants = new ArrayList<>(variants);
			return this;
		}

		/**
		 * Sets the health policy.
		 * @param health the policy, or {@code null}
		 * @return this builder
		 */
		public Builder health(@Nullable HealthPolicy health) {
			this.health = health;
			return this;
		}

		/**
		 * Sets whether evaluations emit exposure events.
		 * @param track whether to track exposures
		 * @return this builder
		 */
		public Builder track(boolean track) {
			this.track = track;
			return this;
		}

		/**
		 * Sets the free metadata.
		 * @param metadata the metadata
		 * @return this builder
		 */
		public Builder metadata(Map<String, FeatureValue> metadata) {
			this.metadata = new LinkedHashMap<>(metadata);
			return this;
		}

		/**
		 * Marks the flag as switched off automatically, or clears the mark.
		 * @param killed the kill, or {@code null}
		 * @return this builder
		 */
		public Builder killed(@Nullable Kill killed) {
			this.killed = killed;
			return this;
		}

		/**
		 * Builds the flag.
		 * @return the flag
		 */
		public FeatureDefinition build() {
			return new FeatureDefinition(this.key, this.description, this.owner, this.type, this.expires, this.enabled,
					this.environments, this.schedule, this.requires, this.allow, this.deny, this.rules, this.rollout,
					this.bucketing, this.variants, this.health, this.track, this.metadata, this.killed);
		}

	}

}
