package io.flagstaff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a {@link Flagstaff}: a new snapshot, a failed reload, a
 * store going down or coming back, a store that went backwards. Delivered to
 * {@link FlagstaffListener}s.
 */
public sealed interface FlagstaffEvent {

	/**
	 * Returns when the event happened.
	 * @return the time
	 */
	Instant time();

	/**
	 * A new snapshot replaced the previous one.
	 *
	 * @param time when
	 * @param version the new snapshot's version
	 * @param storeRevision the store revision it was compiled from
	 */
	record SnapshotSwapped(Instant time, long version, long storeRevision) implements FlagstaffEvent {
	}

	/**
	 * A reload failed (invalid content or unreachable store); the last good snapshot
	 * keeps serving.
	 *
	 * @param time when
	 * @param failure what went wrong
	 */
	record ReloadFailed(Instant time, Exception failure) implements FlagstaffEvent {
	}

	/**
	 * The store became unreachable; the last good snapshot keeps serving.
	 *
	 * @param time when
	 * @param failure what went wrong, or {@code null}
	 */
	record StoreDown(Instant time, @Nullable Exception failure) implements FlagstaffEvent {
	}

	/**
	 * The store is reachable again.
	 *
	 * @param time when
	 */
	record StoreUp(Instant time) implements FlagstaffEvent {
	}

	/**
	 * The store went backwards: its revision is below the one being served, or it holds
	 * no flags where it held some (a Redis restarted empty, truncated tables, an old
	 * backup restored), and nothing this instance did explains it. Its content is not
	 * swapped in: the last good snapshot keeps serving until the store holds exactly
	 * those flags again (restored, re-bootstrapped) or an operator accepts the store's
	 * content ({@link Flagstaff#acceptStoreContent()}). Sent once when the divergence is
	 * found; {@link Flagstaff#divergence()} returns it while it lasts.
	 *
	 * @param time when it was found
	 * @param servedRevision the store revision of the snapshot being served
	 * @param storeRevision the revision the store holds now
	 * @param storeFeatures how many flags the store holds now
	 * @param reason what was found, for people
	 */
	record StoreDiverged(Instant time, long servedRevision, long storeRevision, int storeFeatures,
			String reason) implements FlagstaffEvent {
	}

}
