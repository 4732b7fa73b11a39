/**
 * Flag hygiene: the {@link io.flagstaff.hygiene.HygieneInspector} finds flags past their
 * expiry date, flags nobody evaluates, flags that serve everyone the same, flags without
 * an owner and prerequisites naming missing flags, and reports them in a
 * {@link io.flagstaff.hygiene.HygieneReport}.
 */
@NullMarked
package io.flagstaff.hygiene;

import org.jspecify.annotations.NullMarked;
