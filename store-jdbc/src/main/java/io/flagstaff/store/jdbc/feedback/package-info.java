/**
 * A {@link io.flagstaff.health.FeedbackStore} in a relational database.
 */
@NullMarked
package io.flagstaff.store.jdbc.feedback;

import org.jspecify.annotations.NullMarked;
