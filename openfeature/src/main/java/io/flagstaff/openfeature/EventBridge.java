package io.flagstaff.openfeature;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderEventDetails;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.FlagstaffEvent;
import io.flagstaff.FlagstaffListener;

/**
 * Translates a {@link Flagstaff}'s events into OpenFeature provider events: a snapshot
 * swap is {@code PROVIDER_CONFIGURATION_CHANGED} with the keys that changed (nothing when
 * none did); a store going down or a reload failing is {@code PROVIDER_STALE} (once,
 * until it recovers: the last good flags keep serving); the store coming back or a good
 * snapshot after that is {@code PROVIDER_READY}. The SDK delivers each event on a thread
 * pool of its own, where two events in quick succession could overtake each other (a
 * READY before the STALE it ends): the bridge hands them to one thread of its own that
 * waits for each delivery before the next, so the provider's state follows Flagstaff's
 * order and Flagstaff's thread never waits. Thread-safe (events are handled one at a
 * time).
 */
final class EventBridge implements FlagstaffListener, AutoCloseable {

	private final ExecutorService delivery = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "flagstaff-openfeature-events");
		thread.setDaemon(true);
		return thread;
	});

	private final EventProvider provider;

	private final Flagstaff flagstaff;

	private FeatureSnapshot last;

	private Map<String, String> lastOverrides;

	private boolean stale;

	EventBridge(EventProvider provider, Flagstaff flagstaff) {
		this.provider = provider;
		this.flagstaff = flagstaff;
		this.last = flagstaff.snapshot();
		this.lastOverrides = flagstaff.overrides().current();
	}

	@Override
	public synchronized void onEvent(FlagstaffEvent event) {
		if (event instanceof FlagstaffEvent.SnapshotSwapped swapped) {
			FeatureSnapshot next = this.flagstaff.snapshot();
			Map<String, String> overrides = this.flagstaff.overrides().current();
			List<String> changed = ChangedKeys.between(this.last, next, this.lastOverrides, overrides);
			this.last = next;
			this.lastOverrides = overrides;
			recovered("A new snapshot (version " + swapped.version() + ") serves the store's current flags");
			if (!changed.isEmpty()) {
				emit(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED,
						details("Snapshot " + swapped.version() + " changed " + changed.size() + " flag(s)")
							.flagsChanged(changed));
			}
		}
		else if (event instanceof FlagstaffEvent.StoreDown down) {
			stale("The feature store is unreachable (" + down.failure()
					+ "); the last good flags keep serving until it is back");
		}
		else if (event instanceof FlagstaffEvent.ReloadFailed failed) {
			stale("Reloading the flags failed (" + failed.failure().getMessage()
					+ "); the last good flags keep serving until a reload succeeds");
		}
		else if (event instanceof FlagstaffEvent.StoreUp) {
			recovered("The feature store is reachable again");
		}
	}

	private void stale(String message) {
		if (!this.stale) {
			this.stale = true;
			emit(ProviderEvent.PROVIDER_STALE, details(message));
		}
	}

	private void recovered(String message) {
		if (this.stale) {
			this.stale = false;
			emit(ProviderEvent.PROVIDER_READY, details(message));
		}
	}

	private ProviderEventDetails.ProviderEventDetailsBuilder<?, ?> details(String message) {
		return ProviderEventDetails.builder()
			.message(message)
			.eventMetadata(ImmutableMetadata.builder().addLong("snapshotVersion", this.last.version()).build());
	}

	private void emit(ProviderEvent event, ProviderEventDetails.ProviderEventDetailsBuilder<?, ?> details) {
		ProviderEventDetails built = details.build();
		try {
			this.delivery.execute(() -> this.provider.emit(event, built).await());
		}
		catch (RejectedExecutionException ex) {
			// the provider is shutting down: nobody listens any more
		}
	}

	/**
	 * Stops delivering events; those not delivered yet are dropped.
	 */
	@Override
	public void close() {
		this.delivery.shutdownNow();
	}

}
