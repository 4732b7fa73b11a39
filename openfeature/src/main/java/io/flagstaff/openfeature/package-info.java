/**
 * Flagstaff behind the OpenFeature API:
 * {@link io.flagstaff.openfeature.FlagstaffProvider} evaluates OpenFeature calls with a
 * {@link io.flagstaff.Flagstaff} (typed values, reasons, variants, error codes, flag
 * metadata, events and tracking), {@link io.flagstaff.openfeature.ContextMapper} turns an
 * OpenFeature evaluation context into a {@link io.flagstaff.FeatureContext}, and
 * {@link io.flagstaff.openfeature.ObservationHook} records evaluations on the current
 * Micrometer observation with the OpenTelemetry semantic conventions for feature flags.
 */
@NullMarked
package io.flagstaff.openfeature;

import org.jspecify.annotations.NullMarked;
