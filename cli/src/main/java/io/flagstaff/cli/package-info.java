/**
 * The {@code flagstaff} command line: {@link io.flagstaff.cli.FlagstaffCli} is its one
 * entry point, with the commands {@code lint}, {@code convert}, {@code import-unleash},
 * {@code export} and {@code import}. Everything but the entry point is internal.
 */
@NullMarked
package io.flagstaff.cli;

import org.jspecify.annotations.NullMarked;
