/**
 * Implementation details. Not API: anything here may change without notice.
 */
@NullMarked
package io.flagstaff.internal;

import org.jspecify.annotations.NullMarked;
