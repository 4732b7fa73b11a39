/**
 * Micrometer meters for flag evaluations and guarded calls.
 */
@NullMarked
package io.flagstaff.spring.metrics;

import org.jspecify.annotations.NullMarked;
