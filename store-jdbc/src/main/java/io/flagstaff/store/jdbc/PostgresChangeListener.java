package io.flagstaff.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Follows a PostgreSQL notification channel on a dedicated connection, on its own daemon
 * thread. Every failure (the first connection, a broken connection, a failed reconnect)
 * is reported at once, then it reconnects with a growing pause (100 ms up to 2 s); after
 * each successful (re)connect it asks for a full revision check, which reports the store
 * up again and catches up on a notification sent while disconnected. The connection
 * carries {@code application_name = flagstaff-listener-<channel>-<n>}.
 */
final class PostgresChangeListener {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final DataSource dataSource;

	private final String channel;

	private final LongConsumer notified;

	private final Consumer<Exception> failed;

	private final Runnable connected;

	private final String applicationName;

	private final Thread thread;

	private volatile boolean closed;

	private volatile @Nullable Connection connection;

	PostgresChangeListener(DataSource dataSource, String channel, LongConsumer notified, Consumer<Exception> failed,
			Runnable connected) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.notified = notified;
		this.failed = failed;
		this.connected = connected;
		this.applicationName = "flagstaff-listener-" + channel + "-" + COUNTER.incrementAndGet();
		this.thread = new Thread(this::run, this.applicationName);
		this.thread.setDaemon(true);
	}

	String applicationName() {
		return this.applicationName;
	}

	void start() {
		this.thread.start();
	}

	private void run() {
		long pause = 100;
		while (!this.closed) {
			try (Connection open = this.dataSource.getConnection()) {
				this.connection = open;
				open.setAutoCommit(true);
				try (Statement statement = open.createStatement()) {
					statement.execute("set application_name = '" + this.applicationName + "'");
					statement.execute("listen " + this.channel);
				}
				pause = 100;
				this.connected.run();
				PGConnection postgres = open.unwrap(PGConnection.class);
				while (!this.closed) {
					PGNotification[] notifications = postgres.getNotifications(500);
					if (notifications == null) {
						continue;
					}
					long highest = Long.MIN_VALUE;
					for (PGNotification notification : notifications) {
						highest = Math.max(highest, parse(notification.getParameter()));
					}
					if (highest < 0) {
						this.connected.run();
					}
					else {
						this.notified.accept(highest);
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.closed) {
					return;
				}
				this.failed.accept(ex);
				if (!pause(pause)) {
					return;
				}
				pause = Math.min(pause * 2, 2000);
			}
		}
	}

	private static long parse(String payload) {
		try {
			return Long.parseLong(payload.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void close() {
		this.closed = true;
		this.thread.interrupt();
		Connection open = this.connection;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

}
