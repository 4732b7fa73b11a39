/**
 * Auto-configuration of Flagstaff for Spring Boot, and its configuration properties.
 */
@NullMarked
package io.flagstaff.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
