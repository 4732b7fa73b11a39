/**
 * Spring integration of Flagstaff: the annotations
 * ({@link io.flagstaff.spring.FeatureToggle}, {@link io.flagstaff.spring.Variant}), the
 * per-request pinned {@link io.flagstaff.spring.FeatureScope} and the extension points.
 */
@NullMarked
package io.flagstaff.spring;

import org.jspecify.annotations.NullMarked;
