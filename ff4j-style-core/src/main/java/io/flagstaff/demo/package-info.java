/**
 * A runnable demo of the core: flags read from a classpath document and evaluated for a
 * few users.
 */
@NullMarked
package io.flagstaff.demo;

import org.jspecify.annotations.NullMarked;
