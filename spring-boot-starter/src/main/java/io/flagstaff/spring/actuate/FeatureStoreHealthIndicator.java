package io.flagstaff.spring.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.spring.diagnostics.ReloadProblems;
import io.flagstaff.store.StoreContent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the flags being served and the store behind them. {@code UP} whenever a
 * snapshot is served — an application serving its last good flags is fit for traffic,
 * even while its store is unreachable or holds a document that does not compile — with
 * the store, the snapshot's version and flag count, the store's revision, and, while
 * something keeps the store's current content from being served, a {@code problem} detail
 * (since when, and each problem with its place and fix) and, while the store's content is
 * refused because it went backwards, a {@code diverged} detail; {@code DOWN} only when
 * there is no snapshot at all. While a problem is known, each check tries a reload, so
 * that a document fixed back to what is served clears the problem. Thread-safe.
 */
public class FeatureStoreHealthIndicator extends AbstractHealthIndicator {

	private final Flagstaff flagstaff;

	private final @Nullable ReloadProblems problems;

	/**
	 * Creates the indicator without reload problems.
	 * @param flagstaff whose store to check
	 */
	public FeatureStoreHealthIndicator(Flagstaff flagstaff) {
		this(flagstaff, null);
	}

	/**
	 * Creates the indicator.
	 * @param flagstaff whose store to check
	 * @param problems the reload problems of that flagstaff, or {@code null} when not
	 * followed
	 */
	public FeatureStoreHealthIndicator(Flagstaff flagstaff, @Nullable ReloadProblems problems) {
		super("Flag store health check failed");
		this.flagstaff = flagstaff;
		this.problems = problems;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		@Nullable FeatureSnapshot snapshot = this.flagstaff.snapshot();
		builder.withDetail("store", this.flagstaff.store().getClass().getSimpleName());
		if (snapshot == null) {
			builder.down().withDetail("reason", "no flags are served: the store was never read successfully");
			return;
		}
		builder.up()
			.withDetail("servingSnapshot", snapshot.version())
			.withDetail("features", snapshot.featureKeys().size());
		retryWhileAProblemIsKnown();
		try {
			StoreContent content = this.flagstaff.store().load();
			builder.withDetail("revision", content.revision());
		}
		catch (RuntimeException ex) {
			builder.withDetail("storeReadFailure", String.valueOf(ex.getMessage()));
		}
		ReloadProblems.Problem problem = (this.problems != null) ? this.problems.current() : null;
		if (problem != null) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("since", problem.since());
			detail.put("problems", problem.problems());
			detail.put("serving", "the last good flags (snapshot " + snapshot.version() + ")");
			builder.withDetail("problem", detail);
		}
		FlagstaffEvent.StoreDiverged divergence = this.flagstaff.divergence();
		if (divergence != null) {
			builder.withDetail("diverged",
					Map.of("since", divergence.time().toString(), "servedRevision", divergence.servedRevision(),
							"storeRevision", divergence.storeRevision(), "reason", divergence.reason(), "recovery",
							"restore the flags into the store, or accept its content: see docs/stores.md"));
		}
	}

	private void retryWhileAProblemIsKnown() {
		if (this.problems == null || this.problems.current() == null) {
			return;
		}
		try {
			this.flagstaff.refresh();
			this.problems.resolved();
		}
		catch (RuntimeException ex) {
			// still failing: the listener keeps the problem (and logged it already)
		}
	}

}
