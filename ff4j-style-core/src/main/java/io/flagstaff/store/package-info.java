/**
 * The store SPI and the stores that ship with the core.
 */
@NullMarked
package io.flagstaff.store;

import org.jspecify.annotations.NullMarked;
