/**
 * JUnit Jupiter support for Flagstaff: annotations that force flag states and variants
 * for a test, a test template that runs a test in every state of named flags, and an
 * injectable {@link io.flagstaff.junit.FeatureFlags} handle. See
 * {@link io.flagstaff.junit.FlagstaffExtension}.
 */
@NullMarked
package io.flagstaff.junit;

import org.jspecify.annotations.NullMarked;
