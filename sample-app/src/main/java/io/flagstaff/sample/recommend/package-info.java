/**
 * Recommendations, guarded by the {@code recommendations} ops toggle with a fallback.
 */
@NullMarked
package io.flagstaff.sample.recommend;

import org.jspecify.annotations.NullMarked;
