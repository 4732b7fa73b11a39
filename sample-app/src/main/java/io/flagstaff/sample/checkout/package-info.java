/**
 * Checkout, where {@code checkout-v2} switches itself off when it keeps failing
 * (automatic kill switch).
 */
@NullMarked
package io.flagstaff.sample.checkout;

import org.jspecify.annotations.NullMarked;
