/**
 * Command-line checks meant for CI builds, such as
 * {@link io.flagstaff.health.cli.HygieneCheck}.
 */
@NullMarked
package io.flagstaff.health.cli;

import org.jspecify.annotations.NullMarked;
