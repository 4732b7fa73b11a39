/**
 * What Flagstaff tells about itself in a Spring Boot application: the failure analysis of
 * its startup failures, the check of the Spring Boot line, the check of the flag keys the
 * code names, and the reload problems that the log and the health indicator report while
 * the last good flags keep being served.
 */
@NullMarked
package io.flagstaff.spring.diagnostics;

import org.jspecify.annotations.NullMarked;
