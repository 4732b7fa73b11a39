/**
 * The heavy sales report, behind the {@code heavy-report} kill switch.
 */
@NullMarked
package io.flagstaff.sample.report;

import org.jspecify.annotations.NullMarked;
