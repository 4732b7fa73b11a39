/**
 * A feature store in Redis, with pub/sub change propagation.
 */
@NullMarked
package io.flagstaff.store.redis;

import org.jspecify.annotations.NullMarked;
