/**
 * A {@link io.flagstaff.feedback.FeedbackStore} in a relational database (PostgreSQL,
 * MariaDB/MySQL, H2), through the JDK's {@code java.sql} only.
 */
@NullMarked
package io.flagstaff.feedback.jdbc;

import org.jspecify.annotations.NullMarked;
