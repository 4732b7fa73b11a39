/**
 * Users' ratings and comments on features: the
 * {@link io.flagstaff.feedback.FeedbackCollector} validates and stamps them, a
 * {@link io.flagstaff.feedback.FeedbackStore} keeps them (in memory, or in a database
 * with {@link io.flagstaff.feedback.jdbc.JdbcFeedbackStore}).
 */
@NullMarked
package io.flagstaff.feedback;

import org.jspecify.annotations.NullMarked;
