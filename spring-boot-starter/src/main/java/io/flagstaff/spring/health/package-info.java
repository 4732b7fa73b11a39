/**
 * Feeds the core health guard (automatic kill switch) from guarded and routed calls.
 */
@NullMarked
package io.flagstaff.spring.health;

import org.jspecify.annotations.NullMarked;
