/**
 * The advice that guards {@code @FeatureToggle} methods and records their calls.
 */
@NullMarked
package io.flagstaff.spring.aop;

import org.jspecify.annotations.NullMarked;
