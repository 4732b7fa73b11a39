/**
 * A feature store in a relational database: PostgreSQL (with LISTEN/NOTIFY push), MariaDB
 * and H2 (polled).
 */
@NullMarked
package io.flagstaff.store.jdbc;

import org.jspecify.annotations.NullMarked;
