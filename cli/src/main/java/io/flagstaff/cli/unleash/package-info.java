/**
 * Imports Unleash feature payloads (the client API's {@code {version, features,
 * segments}} document, or a list of delta events) into Flagstaff's native model, bucketed
 * with the {@code unleash} scheme so users keep their rollout buckets and variants.
 */
@NullMarked
package io.flagstaff.cli.unleash;

import org.jspecify.annotations.NullMarked;
