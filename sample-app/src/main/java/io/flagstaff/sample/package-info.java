/**
 * The Flagstaff sample shop.
 */
@NullMarked
package io.flagstaff.sample;

import org.jspecify.annotations.NullMarked;
