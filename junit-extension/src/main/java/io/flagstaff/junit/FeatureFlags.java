package io.flagstaff.junit;

import io.flagstaff.Flagstaff;

/**
 * Changes flags from inside a test. Inject it as a parameter of a {@code @Test},
 * {@code @BeforeEach} or {@code @AfterEach} method (or of a {@link FeatureMatrix} test)
 * of a test that uses {@link FlagstaffExtension}. Changes go to the same place as the
 * annotations' states (the test's override scope, or the global overrides with
 * {@link GlobalOverrides}), are visible at once wherever those are, and are undone after
 * the test together with the annotations' states. Thread-safe; usable only while its test
 * runs.
 *
 * <pre class="code">
 * &#64;Test
 * &#64;ExtendWith(FlagstaffExtension.class)
 * void switchesMidway(FeatureFlags flags) {
 *     flags.enable("new-checkout");
 *     ...
 *     flags.disable("new-checkout");
 * }
 * </pre>
 */
public interface FeatureFlags {

	/**
	 * Forces flags on.
	 * @param keys the flag keys; each must exist
	 * @return this handle
	 * @throws io.flagstaff.FeatureNotFoundException when a flag is unknown (the message
	 * names the closest known flags)
	 */
	FeatureFlags enable(String... keys);

	/**
	 * Forces flags off.
	 * @param keys the flag keys; each must exist
	 * @return this handle
	 * @throws io.flagstaff.FeatureNotFoundException when a flag is unknown
	 */
	FeatureFlags disable(String... keys);

	/**
	 * Forces a flag on with one variant.
	 * @param key the flag key; it must exist
	 * @param variant the variant; the flag must define it
	 * @return this handle
	 * @throws io.flagstaff.FeatureNotFoundException when the flag is unknown
	 * @throws IllegalArgumentException when the flag does not define the variant
	 */
	FeatureFlags variant(String key, String variant);

	/**
	 * Puts flags back to what the test's annotations force, or, for flags they do not
	 * name, to what the {@code Flagstaff} served before the test.
	 * @param keys the flag keys
	 * @return this handle
	 */
	FeatureFlags reset(String... keys);

	/**
	 * Returns what this test forces now.
	 * @return the states by flag key
	 */
	FeatureStates states();

	/**
	 * Returns the {@code Flagstaff} this handle overrides.
	 * @return the evaluator
	 */
	Flagstaff flagstaff();

}
