/**
 * Flag evaluations of guarded and routed calls recorded on the current Micrometer
 * observation by the OpenTelemetry semantic conventions for feature flags. Used only when
 * Micrometer Observation is on the classpath.
 */
@NullMarked
package io.flagstaff.spring.observation;

import org.jspecify.annotations.NullMarked;
