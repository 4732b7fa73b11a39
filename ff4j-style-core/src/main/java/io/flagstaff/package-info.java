/**
 * Flagstaff's public API: the {@link io.flagstaff.Flagstaff} entry point, contexts,
 * evaluations and events.
 */
@NullMarked
package io.flagstaff;

import org.jspecify.annotations.NullMarked;
