/**
 * JMH benchmarks: Flagstaff side by side with FF4J, Togglz, Unleash, OpenFeature and
 * LaunchDarkly, plus the floors (a map lookup, a bare hash) they are measured against.
 * Not published; run by {@code benchmarks/run.sh}.
 */
@NullMarked
package io.flagstaff.benchmarks;

import org.jspecify.annotations.NullMarked;
