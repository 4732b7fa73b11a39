/**
 * Flagstaff without Spring: a runnable example that reads flags from a classpath document
 * and evaluates them for a few users with the core API alone.
 */
@NullMarked
package io.flagstaff.sample.plain;

import org.jspecify.annotations.NullMarked;
