package io.flagstaff.store;

/**
 * What a write did.
 */
public enum AuditAction {

	/** A flag was created. */
	CREATE,
	/** A flag was replaced. */
	UPDATE,
	/** A flag was removed. */
	DELETE,
	/** A flag's master switch was turned on (clearing any kill). */
	ENABLE,
	/** A flag's master switch was turned off. */
	DISABLE,
	/** A flag was switched off automatically, with a kill. */
	KILL,
	/** A flag's rollout percentage was set. */
	SET_ROLLOUT,
	/** A flag's variant weights were set. */
	SET_VARIANT_WEIGHTS,
	/** A segment was added or replaced. */
	PUT_SEGMENT,
	/** A segment was removed. */
	DELETE_SEGMENT

}
