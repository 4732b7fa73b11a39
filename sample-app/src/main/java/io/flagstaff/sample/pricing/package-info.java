/**
 * Pricing, one strategy per variant of the {@code pricing} experiment ({@code @Variant}
 * routing).
 */
@NullMarked
package io.flagstaff.sample.pricing;

import org.jspecify.annotations.NullMarked;
