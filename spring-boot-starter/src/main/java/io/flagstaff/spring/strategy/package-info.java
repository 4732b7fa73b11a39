/**
 * Strategy injection: routing proxies that choose an implementation by flag state or
 * variant on every call.
 */
@NullMarked
package io.flagstaff.spring.strategy;

import org.jspecify.annotations.NullMarked;
