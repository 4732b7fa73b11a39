package io.flagstaff.spring.actuate;

import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.store.StoreContent;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the flag store can be read: {@code UP} with the store's revision, the
 * number of flags and the version of the snapshot being served; {@code DOWN} with the
 * failure when the store cannot be read (flags keep being served from the last good
 * snapshot meanwhile).
 */
public class FeatureStoreHealthIndicator extends AbstractHealthIndicator {

	private final Flagstaff flagstaff;

	/**
	 * Creates the indicator.
	 * @param flagstaff whose store to check
	 */
	public FeatureStoreHealthIndicator(Flagstaff flagstaff) {
		super("Flag store health check failed");
		this.flagstaff = flagstaff;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StoreContent content = this.flagstaff.store().load();
		builder.up()
			.withDetail("store", this.flagstaff.store().getClass().getSimpleName())
			.withDetail("revision", content.revision())
			.withDetail("features", content.features().features().size())
			.withDetail("servingSnapshot", this.flagstaff.snapshot().version());
		FlagstaffEvent.StoreDiverged divergence = this.flagstaff.divergence();
		if (divergence != null) {
			builder.withDetail("diverged",
					Map.of("since", divergence.time().toString(), "servedRevision", divergence.servedRevision(),
							"storeRevision", divergence.storeRevision(), "reason", divergence.reason(), "recovery",
							"restore the flags into the store, or accept its content: see docs/stores.md"));
		}
	}

}
