/**
 * What the starter adds to the OpenFeature provider: the request scope as the provider's
 * scope source, conversions credited to the experiment tracker, and the registration of
 * the provider with {@code OpenFeatureAPI}. Used only when {@code flagstaff-openfeature}
 * is on the classpath.
 */
@NullMarked
package io.flagstaff.spring.openfeature;

import org.jspecify.annotations.NullMarked;
