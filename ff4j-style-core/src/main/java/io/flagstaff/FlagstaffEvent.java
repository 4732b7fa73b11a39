package io.flagstaff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a {@link Flagstaff}: a new snapshot, a failed reload, a
 * store going down or coming back. Delivered to {@link FlagstaffListener}s.
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

}
