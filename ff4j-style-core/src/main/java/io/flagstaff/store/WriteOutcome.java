package io.flagstaff.store;

import org.jspecify.annotations.Nullable;

/**
 * What the write primitive of an {@link AbstractWritableFeatureStore} did with one
 * compare-and-set: it {@link #stored stored} the write at a new revision, or it stored
 * nothing because the flag's {@link #versionMoved version} or the store's
 * {@link #revisionMoved revision} was not the expected one. Only the first is a success;
 * the other two are ordinary answers, not failures: {@code AbstractWritableFeatureStore}
 * reports a moved version to its caller as a {@link FeatureConflictException} (or reads
 * again, for writes that name no version), and checks a write again on the new content
 * after a moved revision. A store that cannot reach its backend throws
 * {@link FeatureStoreException} instead of answering. Immutable.
 */
public final class WriteOutcome {

	private static final WriteOutcome REVISION_MOVED = new WriteOutcome(Kind.REVISION_MOVED, 0);

	private final Kind kind;

	private final long value;

	private WriteOutcome(Kind kind, long value) {
		this.kind = kind;
		this.value = value;
	}

	/**
	 * The write is stored, together with its audit entry.
	 * @param revision the store's revision after the write: greater than any revision
	 * before it
	 * @return the outcome
	 */
	public static WriteOutcome stored(long revision) {
		return new WriteOutcome(Kind.STORED, revision);
	}

	/**
	 * Nothing is stored: the flag's stored version is not the expected one (someone else
	 * created, changed or deleted it). Flag writes only; checked before the revision.
	 * @param actualVersion the stored version: 0 when the flag is absent, -1 when its
	 * stored document is unreadable
	 * @return the outcome
	 */
	public static WriteOutcome versionMoved(long actualVersion) {
		return new WriteOutcome(Kind.VERSION_MOVED, actualVersion);
	}

	/**
	 * Nothing is stored: the flag's version is the expected one, but the store's revision
	 * is not the one the write was checked against (another write got in between), so the
	 * write must be checked again.
	 * @return the outcome
	 */
	public static WriteOutcome revisionMoved() {
		return REVISION_MOVED;
	}

	/**
	 * Returns whether the write was stored; a store that opened a transaction for it
	 * commits it then, and rolls it back otherwise.
	 * @return whether this is {@link #stored}
	 */
	public boolean isStored() {
		return this.kind == Kind.STORED;
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the revision of a stored write.
	 */
	long revision() {
		return this.value;
	}

	/**
	 * Returns the version found by a write whose version moved.
	 */
	long actualVersion() {
		return this.value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof WriteOutcome outcome && this.kind == outcome.kind && this.value == outcome.value;
	}

	@Override
	public int hashCode() {
		return this.kind.hashCode() * 31 + Long.hashCode(this.value);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case STORED -> "stored at revision " + this.value;
			case VERSION_MOVED -> "version moved (stored: " + this.value + ")";
			case REVISION_MOVED -> "revision moved";
		};
	}

	enum Kind {

		STORED, VERSION_MOVED, REVISION_MOVED

	}

}
