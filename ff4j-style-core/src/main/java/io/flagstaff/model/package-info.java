/**
 * The immutable feature model: what a configuration document says, independent of its
 * format.
 */
@NullMarked
package io.flagstaff.model;

import org.jspecify.annotations.NullMarked;
