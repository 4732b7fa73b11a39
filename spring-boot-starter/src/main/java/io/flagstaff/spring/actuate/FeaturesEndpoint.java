package io.flagstaff.spring.actuate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.UsageSnapshot;
import io.flagstaff.hygiene.HygieneInspector;
import io.flagstaff.hygiene.HygieneReport;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.store.AuditEntry;
import io.flagstaff.store.WritableFeatureStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code features} actuator endpoint, read side: every flag with its state, type,
 * owner, expiry and usage, and the {@link HygieneReport} of the served flags
 * ({@code GET /actuator/features}), and one flag in detail with its definition and recent
 * audit ({@code GET /actuator/features/{key}}). Writes are offered by
 * {@link WritableFeaturesEndpoint} when {@code flagstaff.actuator.writes-enabled=true}.
 */
@Endpoint(id = "features")
public class FeaturesEndpoint {

	private final Flagstaff flagstaff;

	private final int auditLimit;

	private final Clock clock;

	private final @Nullable HygieneInspector hygiene;

	private final Instant startedAt;

	/**
	 * Creates the endpoint without a hygiene report.
	 * @param flagstaff the flags to report
	 * @param auditLimit how many audit entries a flag's detail shows
	 * @param clock the clock that tells stale flags
	 */
	public FeaturesEndpoint(Flagstaff flagstaff, int auditLimit, Clock clock) {
		this(flagstaff, auditLimit, clock, null, clock.instant());
	}

	/**
	 * Creates the endpoint.
	 * @param flagstaff the flags to report
	 * @param auditLimit how many audit entries a flag's detail shows
	 * @param clock the clock that tells stale flags
	 * @param hygiene makes the hygiene report of the list, or {@code null} for none
	 * @param startedAt since when the flagstaff has counted usage (for the hygiene
	 * report's unused flags)
	 */
	public FeaturesEndpoint(Flagstaff flagstaff, int auditLimit, Clock clock, @Nullable HygieneInspector hygiene,
			Instant startedAt) {
		this.flagstaff = flagstaff;
		this.auditLimit = auditLimit;
		this.clock = clock;
		this.hygiene = hygiene;
		this.startedAt = startedAt;
	}

	/**
	 * Lists every flag, with the hygiene report when the endpoint has an inspector.
	 * @return the flags, in document order
	 */
	@ReadOperation
	public FeaturesReport features() {
		FeatureSnapshot snapshot = this.flagstaff.snapshot();
		UsageSnapshot usage = this.flagstaff.usage();
		List<FeatureSummary> features = new ArrayList<>();
		for (String key : snapshot.featureKeys()) {
			FeatureDefinition definition = snapshot.definition(key);
			if (definition != null) {
				features.add(summary(definition, usage.feature(key)));
			}
		}
		HygieneReport report = (this.hygiene != null) ? this.hygiene.inspect(this.flagstaff, this.startedAt) : null;
		return new FeaturesReport(snapshot.version(), features, report);
	}

	/**
	 * Shows one flag.
	 * @param key the flag key
	 * @return the flag's detail, or {@code null} (404) when unknown
	 */
	@ReadOperation
	public @Nullable FeatureDetail feature(@Selector String key) {
		FeatureDefinition definition = this.flagstaff.snapshot().definition(key);
		if (definition == null) {
			return null;
		}
		List<AuditEntry> audit = (this.flagstaff.store() instanceof WritableFeatureStore writable)
				? writable.audit(key, this.auditLimit) : List.of();
		return new FeatureDetail(summary(definition, this.flagstaff.usage().feature(key)), definition,
				audit.stream().map(AuditSummary::of).toList());
	}

	/**
	 * Returns the flagstaff this endpoint reports.
	 * @return the flagstaff
	 */
	protected Flagstaff flagstaff() {
		return this.flagstaff;
	}

	private FeatureSummary summary(FeatureDefinition definition, UsageSnapshot.@Nullable FeatureUsage usage) {
		String state = (definition.killed() != null) ? "killed" : definition.enabled() ? "enabled" : "disabled";
		Map<String, Integer> variants = new LinkedHashMap<>();
		for (VariantDefinition variant : definition.variants()) {
			variants.put(variant.name(), variant.weight());
		}
		LocalDate expires = definition.expires();
		boolean stale = expires != null && LocalDate.now(this.clock).isAfter(expires);
		Usage counts = (usage != null) ? new Usage(usage.on(), usage.off(), usage.variants(), usage.lastEvaluated())
				: new Usage(0, 0, Map.of(), null);
		return new FeatureSummary(definition.key(), state, definition.type().configName(), definition.owner(),
				definition.description(), expires, stale, definition.rollout(), variants, counts);
	}

	/**
	 * All flags.
	 *
	 * @param snapshotVersion the version of the snapshot reported
	 * @param features the flags
	 * @param hygiene the flag debt found in the served flags, or {@code null} when the
	 * endpoint has no {@link HygieneInspector}
	 */
	public record FeaturesReport(long snapshotVersion, List<FeatureSummary> features, @Nullable HygieneReport hygiene) {
	}

	/**
	 * One flag in the list.
	 *
	 * @param key the flag key
	 * @param state {@code enabled}, {@code disabled} or {@code killed}
	 * @param type the flag type
	 * @param owner the owner, or {@code null}
	 * @param description the description, or {@code null}
	 * @param expires the expiry date, or {@code null}
	 * @param stale whether the expiry date has passed
	 * @param rollout the default rollout percentage, or {@code null} for 100
	 * @param variants variant weights by name
	 * @param usage evaluation counts since this instance started
	 */
	public record FeatureSummary(String key, String state, String type, @Nullable String owner,
			@Nullable String description, @Nullable LocalDate expires, boolean stale, @Nullable Double rollout,
			Map<String, Integer> variants, Usage usage) {
	}

	/**
	 * Evaluation counts of one flag.
	 *
	 * @param on evaluations that returned on
	 * @param off evaluations that returned off
	 * @param variants evaluations per variant served
	 * @param lastEvaluated when the flag was last evaluated, or {@code null}
	 */
	public record Usage(long on, long off, Map<String, Long> variants, @Nullable Instant lastEvaluated) {
	}

	/**
	 * One flag in detail.
	 *
	 * @param summary what the list shows
	 * @param definition the full definition
	 * @param audit the most recent changes, newest first (empty for a read-only store)
	 */
	public record FeatureDetail(FeatureSummary summary, FeatureDefinition definition, List<AuditSummary> audit) {
	}

	/**
	 * One audited change.
	 *
	 * @param action what was done
	 * @param actor who did it
	 * @param time when
	 * @param reason why, or {@code null}
	 */
	public record AuditSummary(String action, String actor, Instant time, @Nullable String reason) {

		static AuditSummary of(AuditEntry entry) {
			return new AuditSummary(entry.action().name().toLowerCase(java.util.Locale.ROOT), entry.actor(),
					entry.time(), entry.reason());
		}

	}

}
