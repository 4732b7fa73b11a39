/**
 * Configuration formats: the native JSON/YAML format, the legacy
 * {@code features_config.json} format, and validation.
 */
@NullMarked
package io.flagstaff.config;

import org.jspecify.annotations.NullMarked;
