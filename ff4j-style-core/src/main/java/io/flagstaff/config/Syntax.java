package io.flagstaff.config;

/**
 * The syntax of a native configuration document.
 */
public enum Syntax {

	/** JSON. */
	JSON,
	/** YAML (1.2; JSON is also valid YAML). */
	YAML

}
