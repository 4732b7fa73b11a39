package io.flagstaff;

/**
 * Why an evaluation returned what it did. The order of the constants follows the
 * evaluation order.
 */
public enum Reason {

	/** No flag has the key: the caller's default was returned. */
	FLAG_NOT_FOUND,
	/** The flag's master switch is off. */
	DISABLED,
	/** The health guard turned the flag off. */
	KILLED,
	/** The flag is not enabled in the context's environment. */
	ENVIRONMENT,
	/** The current time is outside the flag's schedule. */
	SCHEDULE,
	/** A prerequisite flag is not in the required state. */
	PREREQUISITE,
	/** The bucketing key is on the deny list. */
	DENIED,
	/** The bucketing key is on the allow list. */
	ALLOWED,
	/** A targeting rule decided. */
	RULE_MATCH,
	/** The default rollout decided (on or off) for a percentage below 100. */
	ROLLOUT,
	/** No rule matched and the default rollout is 100%. */
	DEFAULT,
	/** A test override forced the result. */
	OVERRIDE,
	/** The evaluation failed; the caller's default was returned. */
	ERROR

}
