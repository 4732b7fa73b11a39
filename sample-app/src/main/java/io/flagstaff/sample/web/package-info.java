/**
 * The shop's HTTP endpoints and security.
 */
@NullMarked
package io.flagstaff.sample.web;

import org.jspecify.annotations.NullMarked;
