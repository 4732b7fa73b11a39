package io.flagstaff.model;

import org.jspecify.annotations.Nullable;

/**
 * A condition operator. Each has the name used in configuration documents; string
 * operators also accept an ignore-case form ({@code equalsIgnoreCase},
 * {@code inIgnoreCase}, ...).
 */
public enum Operator {

	/** The attribute equals the value. */
	EQUALS("equals"),
	/** The attribute equals one of the values. */
	IN("in"),
	/** The attribute is present and equals none of the values. */
	NOT_IN("notIn"),
	/** The attribute contains one of the values. */
	CONTAINS("contains"),
	/** The attribute starts with one of the values. */
	STARTS_WITH("startsWith"),
	/** The attribute ends with one of the values. */
	ENDS_WITH("endsWith"),
	/** The attribute matches the RE2 regular expression (linear time). */
	REGEX("regex"),
	/** The attribute, as a number, equals the value. */
	NUM_EQ("eq"),
	/** The attribute, as a number, is less than the value. */
	LT("lt"),
	/** The attribute, as a number, is less than or equal to the value. */
	LTE("lte"),
	/** The attribute, as a number, is greater than the value. */
	GT("gt"),
	/** The attribute, as a number, is greater than or equal to the value. */
	GTE("gte"),
	/** The attribute, as a semantic version, equals the value. */
	SEMVER_EQ("semverEq"),
	/** The attribute, as a semantic version, is lower than the value. */
	SEMVER_LT("semverLt"),
	/** The attribute, as a semantic version, is lower than or equal to the value. */
	SEMVER_LTE("semverLte"),
	/** The attribute, as a semantic version, is greater than the value. */
	SEMVER_GT("semverGt"),
	/** The attribute, as a semantic version, is greater than or equal to the value. */
	SEMVER_GTE("semverGte"),
	/**
	 * The attribute (or the current time for {@code currentTime}) is before the
	 * date-time.
	 */
	BEFORE("before"),
	/**
	 * The attribute (or the current time for {@code currentTime}) is after the date-time.
	 */
	AFTER("after"),
	/** The attribute is an IPv4 or IPv6 address inside one of the CIDR blocks. */
	IN_CIDR("inCidr"),
	/**
	 * The attribute is present ({@code exists: true}) or absent ({@code exists: false}).
	 */
	EXISTS("exists"),
	/** The attribute is {@code true} (ignoring case). */
	IS_TRUE("isTrue"),
	/** The attribute is {@code false} (ignoring case). */
	IS_FALSE("isFalse");

	private final String configName;

	Operator(String configName) {
		this.configName = configName;
	}

	/**
	 * Returns the name used in configuration documents.
	 * @return the configuration name, for example {@code semverGte}
	 */
	public String configName() {
		return this.configName;
	}

	/**
	 * Returns whether the operator compares strings and so has an ignore-case form.
	 * @return {@code true} for equals, in, notIn, contains, startsWith and endsWith
	 */
	public boolean supportsIgnoreCase() {
		return switch (this) {
			case EQUALS, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH -> true;
			default -> false;
		};
	}

	/**
	 * Finds an operator by its configuration name (exact case).
	 * @param name the configuration name
	 * @return the operator, or {@code null} when no operator has that name
	 */
	public static @Nullable Operator fromConfigName(String name) {
		for (Operator operator : values()) {
			if (operator.configName.equals(name)) {
				return operator;
			}
		}
		return null;
	}

}
