package io.flagstaff.cli.unleash;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.google.re2j.PatternSyntaxException;
import io.flagstaff.config.Limits;
import org.jspecify.annotations.Nullable;

/**
 * Validates and normalizes the operands of Unleash constraints, so that a value Unleash
 * would never match (an invalid semver, date, number, regular expression or address) is
 * known at import time instead of being rejected by Flagstaff's compiler. A regular
 * expression or number over the {@link Limits} is left for the native checks to refuse.
 */
final class Operands {

	private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
			+ "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
			+ "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

	private static final Pattern IPV4 = Pattern
		.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9a-fA-F:.]+$");

	private Operands() {
	}

	/**
	 * Returns whether a string is a semantic version (2.0.0, no leading {@code v}).
	 * @param value the string
	 * @return {@code true} when valid
	 */
	static boolean isSemver(String value) {
		return SEMVER.matcher(value).matches();
	}

	/**
	 * Parses a number.
	 * @param value the string
	 * @return the number in plain notation, or {@code null} when it is not a number
	 */
	static @Nullable String number(String value) {
		BigDecimal number = decimal(value);
		if (number == null) {
			return null;
		}
		int exponent = number.precision() - number.scale() - 1;
		return (Math.abs(exponent) <= 30) ? number.toPlainString() : number.toString();
	}

	/**
	 * Parses a decimal number within the {@link Limits} (digits and exponent), so that
	 * nothing done with it takes long.
	 * @param value the text
	 * @return the number, or {@code null} when it is not one or is over the limits
	 */
	static @Nullable BigDecimal decimal(String value) {
		String trimmed = value.trim();
		if (trimmed.isEmpty() || trimmed.length() > Limits.MAX_NUMBER_DIGITS + 10) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(trimmed);
			long exponent = (long) number.precision() - number.scale() - 1;
			return (Math.abs(exponent) <= Limits.MAX_NUMBER_EXPONENT) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Parses an ISO-8601 date-time with an offset.
	 * @param value the string
	 * @return the instant in UTC ({@code 2022-01-29T13:00:00Z}), or {@code null} when
	 * invalid
	 */
	static @Nullable String instant(String value) {
		Instant instant = parseInstant(value);
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Parses an ISO-8601 date-time with an offset.
	 * @param value the string
	 * @return the instant, or {@code null} when invalid
	 */
	static @Nullable Instant parseInstant(String value) {
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Returns whether a regular expression compiles with RE2 semantics (no
	 * back-references, no look-around).
	 * @param regex the expression
	 * @return {@code true} when valid
	 */
	static boolean isRegex(String regex) {
		if (Limits.regexProblem(regex) != null) {
			// compiling it would take long; the native checks refuse it with the reason
			return true;
		}
		try {
			com.google.re2j.Pattern.compile(regex);
			return true;
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

	/**
	 * Normalizes an IP address or CIDR block to a CIDR block: a plain address becomes a
	 * {@code /32} (IPv4) or {@code /128} (IPv6) block. Never resolves host names.
	 * @param value the address or block
	 * @return the block, or {@code null} when the value is neither
	 */
	static @Nullable String cidr(String value) {
		String trimmed = value.trim();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		Integer bits = addressBits(address);
		if (bits == null) {
			return null;
		}
		if (slash < 0) {
			return address + "/" + bits;
		}
		try {
			int prefix = Integer.parseInt(trimmed.substring(slash + 1));
			return (prefix >= 0 && prefix <= bits) ? trimmed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Integer addressBits(String address) {
		if (IPV4.matcher(address).matches()) {
			return 32;
		}
		if (!address.contains(":") || !IPV6_CHARACTERS.matcher(address).matches()) {
			return null;
		}
		try {
			// A literal containing ':' is parsed as an IPv6 address, never looked up.
			InetAddress.getByName(address);
			return 128;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
