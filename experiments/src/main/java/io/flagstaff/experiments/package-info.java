/**
 * Experiments on top of the evaluator: the {@link io.flagstaff.experiments.ExposureQueue}
 * hands exposures of flags marked {@code track: true} from evaluating threads to
 * listeners on a thread of its own, and the
 * {@link io.flagstaff.experiments.ExperimentTracker} attributes conversions to the
 * variant each user was first exposed to. The core only knows the
 * {@link io.flagstaff.ExposureListener} hook; this package is optional.
 */
@NullMarked
package io.flagstaff.experiments;

import org.jspecify.annotations.NullMarked;
