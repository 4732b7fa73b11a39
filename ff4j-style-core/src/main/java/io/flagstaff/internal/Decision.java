package io.flagstaff.internal;

import io.flagstaff.Reason;

/**
 * The outcome of evaluating one flag packed into a {@code long}, so the hot path
 * allocates nothing: bit 0 on/off, bits 1-5 the reason, bits 8-27 the deciding rule's
 * index + 1, bits 28-47 the variant's index + 1, bit 48 set when the variant comes from
 * the rule's own list.
 */
final class Decision {

	private static final Reason[] REASONS = Reason.values();

	private static final long RULE_SHIFT = 8;

	private static final long VARIANT_SHIFT = 28;

	private static final long INDEX_MASK = 0xFFFFF;

	private static final long RULE_VARIANTS = 1L << 48;

	private Decision() {
	}

	static long of(boolean on, Reason reason) {
		return (on ? 1L : 0L) | ((long) reason.ordinal() << 1);
	}

	static long of(boolean on, Reason reason, int rule) {
		return of(on, reason) | ((rule + 1L) << RULE_SHIFT);
	}

	static long withVariant(long decision, int variant, boolean fromRule) {
		return decision | ((variant + 1L) << VARIANT_SHIFT) | (fromRule ? RULE_VARIANTS : 0L);
	}

	static boolean on(long decision) {
		return (decision & 1L) != 0;
	}

	static Reason reason(long decision) {
		return REASONS[(int) ((decision >>> 1) & 0x1F)];
	}

	/**
	 * Returns the deciding rule's index, or {@code -1}.
	 */
	static int rule(long decision) {
		return (int) ((decision >>> RULE_SHIFT) & INDEX_MASK) - 1;
	}

	/**
	 * Returns the variant's index, or {@code -1}.
	 */
	static int variant(long decision) {
		return (int) ((decision >>> VARIANT_SHIFT) & INDEX_MASK) - 1;
	}

	static boolean variantFromRule(long decision) {
		return (decision & RULE_VARIANTS) != 0;
	}

}
