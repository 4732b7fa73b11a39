/**
 * Actuator support: the {@code features} endpoint and the store health indicator.
 */
@NullMarked
package io.flagstaff.spring.actuate;

import org.jspecify.annotations.NullMarked;
