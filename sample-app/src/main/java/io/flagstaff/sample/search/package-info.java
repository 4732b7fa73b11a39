/**
 * Search, with one implementation per state of the {@code advanced-search} flag (strategy
 * injection).
 */
@NullMarked
package io.flagstaff.sample.search;

import org.jspecify.annotations.NullMarked;
