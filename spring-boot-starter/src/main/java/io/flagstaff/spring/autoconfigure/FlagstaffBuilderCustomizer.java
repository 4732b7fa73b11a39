package io.flagstaff.spring.autoconfigure;

import io.flagstaff.Flagstaff;

/**
 * Customizes the auto-configured {@link Flagstaff} before it is built, for example to
 * hand exposures to a listener of the application:
 * {@code (builder) -> builder.exposureListener(myQueue)}. Every bean of this type is
 * applied, in {@code @Order} order, after the {@code flagstaff.*} properties and the
 * {@link io.flagstaff.FlagstaffListener} beans. {@code flagstaff-experiments}, when
 * present, contributes one that registers its exposure queue.
 */
@FunctionalInterface
public interface FlagstaffBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the properties and listeners already applied
	 */
	void customize(Flagstaff.Builder builder);

}
