package io.flagstaff.benchmarks;

import java.util.List;

/**
 * The shared workload of every scenario: 1,024 pre-built user ids with a region and a
 * plan each, and the flag keys. Immutable and thread-safe.
 */
public final class Workload {

	/**
	 * Number of users; a power of two so that {@code index & MASK} cycles through them.
	 */
	public static final int USERS = 1024;

	/** Mask to cycle through the users. */
	public static final int MASK = USERS - 1;

	/** Scenario A: a simple on/off flag (on). */
	public static final String ON_OFF = "simple-on";

	/** Scenario B: a 50% sticky rollout on the user id. */
	public static final String ROLLOUT = "rollout-50";

	/** Scenario C: region in [US, RO] and plan in [premium, enterprise]. */
	public static final String RULE = "region-plan";

	/** Scenario D: variants control/one-page/two-page weighted 50/30/20. */
	public static final String VARIANT = "checkout-variant";

	/** The variants of scenario D, in order. */
	public static final List<String> VARIANTS = List.of("control", "one-page", "two-page");

	/** The weights of scenario D, in percent, in the order of {@link #VARIANTS}. */
	public static final List<Integer> WEIGHTS = List.of(50, 30, 20);

	/** The regions of scenario C. */
	public static final List<String> RULE_REGIONS = List.of("US", "RO");

	/** The plans of scenario C. */
	public static final List<String> RULE_PLANS = List.of("premium", "enterprise");

	private static final String[] REGIONS = { "US", "RO", "DE", "FR", "BR" };

	private static final String[] PLANS = { "free", "premium", "enterprise" };

	private static final String[] IDS = new String[USERS];

	static {
		for (int i = 0; i < USERS; i++) {
			IDS[i] = "user-" + (100_000 + i * 7919);
		}
	}

	private Workload() {
	}

	/**
	 * Returns the id of a user.
	 * @param index any index, cycled into range
	 * @return the user id
	 */
	public static String id(int index) {
		return IDS[index & MASK];
	}

	/**
	 * Returns the region of a user.
	 * @param index any index, cycled into range
	 * @return one of US, RO, DE, FR, BR
	 */
	public static String region(int index) {
		return REGIONS[(index & MASK) % REGIONS.length];
	}

	/**
	 * Returns the plan of a user.
	 * @param index any index, cycled into range
	 * @return one of free, premium, enterprise
	 */
	public static String plan(int index) {
		return PLANS[((index & MASK) / REGIONS.length) % PLANS.length];
	}

	/**
	 * Whether scenario C's rule matches a user.
	 * @param index any index, cycled into range
	 * @return whether region and plan both match
	 */
	public static boolean ruleMatches(int index) {
		return RULE_REGIONS.contains(region(index)) && RULE_PLANS.contains(plan(index));
	}

}
