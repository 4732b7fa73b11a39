package io.flagstaff.internal;

import org.jspecify.annotations.Nullable;

/**
 * Parses IPv4 and IPv6 address literals and CIDR blocks without name resolution (no I/O).
 */
final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * Parses an address literal: dotted-quad IPv4, or IPv6 (with {@code ::}, an embedded
	 * IPv4 tail, optional brackets and zone id).
	 * @param text the text
	 * @return 4 or 16 bytes, or {@code null} when the text is not an address literal
	 */
	static byte @Nullable [] parse(String text) {
		String address = text.trim();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		return (address.indexOf(':') >= 0) ? parseIpv6(address) : parseIpv4(address);
	}

	private static byte @Nullable [] parseIpv4(String address) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i <= address.length(); i++) {
			char c = (i < address.length()) ? address.charAt(i) : '.';
			if (c == '.') {
				if (value < 0 || part == 4) {
					return null;
				}
				bytes[part++] = (byte) value;
				value = -1;
			}
			else if (c >= '0' && c <= '9') {
				value = ((value < 0) ? 0 : value * 10) + (c - '0');
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		return (part == 4) ? bytes : null;
	}

	private static byte @Nullable [] parseIpv6(String address) {
		int doubleColon = address.indexOf("::");
		if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
			return null;
		}
		String head = (doubleColon >= 0) ? address.substring(0, doubleColon) : address;
		String tail = (doubleColon >= 0) ? address.substring(doubleColon + 2) : "";
		byte[] headBytes = groups(head);
		byte[] tailBytes = groups(tail);
		if (headBytes == null || tailBytes == null) {
			return null;
		}
		int total = headBytes.length + tailBytes.length;
		if ((doubleColon >= 0) ? total > 14 : total != 16) {
			return null;
		}
		byte[] bytes = new byte[16];
		System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
		System.arraycopy(tailBytes, 0, bytes, 16 - tailBytes.length, tailBytes.length);
		return bytes;
	}

	private static byte @Nullable [] groups(String text) {
		if (text.isEmpty()) {
			return new byte[0];
		}
		String[] groups = text.split(":", -1);
		int lastIndex = groups.length - 1;
		boolean ipv4Tail = groups[lastIndex].indexOf('.') >= 0;
		byte[] bytes = new byte[groups.length * 2 + (ipv4Tail ? 2 : 0)];
		for (int i = 0; i < groups.length; i++) {
			if (i == lastIndex && ipv4Tail) {
				byte[] ipv4 = parseIpv4(groups[i]);
				if (ipv4 == null) {
					return null;
				}
				System.arraycopy(ipv4, 0, bytes, i * 2, 4);
				continue;
			}
			String group = groups[i];
			if (group.isEmpty() || group.length() > 4) {
				return null;
			}
			int value = 0;
			for (int j = 0; j < group.length(); j++) {
				int digit = Character.digit(group.charAt(j), 16);
				if (digit < 0) {
					return null;
				}
				value = value * 16 + digit;
			}
			bytes[i * 2] = (byte) (value >>> 8);
			bytes[i * 2 + 1] = (byte) value;
		}
		return bytes;
	}

	/**
	 * A CIDR block: a network address and a prefix length.
	 *
	 * @param network the address bytes (4 or 16), masked to the prefix
	 * @param prefix the prefix length in bits
	 */
	record Cidr(byte[] network, int prefix) {

		/**
		 * Parses {@code address/prefix}, or a single address (full-length prefix).
		 * @param text the text
		 * @return the block, or {@code null} when the text is not a CIDR block
		 */
		static @Nullable Cidr parse(String text) {
			int slash = text.indexOf('/');
			byte[] address = IpAddresses.parse((slash >= 0) ? text.substring(0, slash) : text);
			if (address == null) {
				return null;
			}
			int prefix = address.length * 8;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(text.substring(slash + 1).trim());
				}
				catch (NumberFormatException ex) {
					return null;
				}
				if (prefix < 0 || prefix > address.length * 8) {
					return null;
				}
			}
			byte[] network = address.clone();
			for (int bit = prefix; bit < network.length * 8; bit++) {
				network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
			}
			return new Cidr(network, prefix);
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int fullBytes = this.prefix / 8;
			for (int i = 0; i < fullBytes; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int remainingBits = this.prefix % 8;
			if (remainingBits == 0) {
				return true;
			}
			int mask = (0xFF << (8 - remainingBits)) & 0xFF;
			return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
		}

	}

}
