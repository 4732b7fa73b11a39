/**
 * The shop's products.
 */
@NullMarked
package io.flagstaff.sample.catalog;

import org.jspecify.annotations.NullMarked;
