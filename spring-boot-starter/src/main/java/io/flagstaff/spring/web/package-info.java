/**
 * Spring MVC and WebFlux support: context resolution, snapshot pinning per request,
 * disabled-feature responses.
 */
@NullMarked
package io.flagstaff.spring.web;

import org.jspecify.annotations.NullMarked;
